import AgentRefCommands
import Foundation

setlocale(LC_ALL, "")
exit(AgentRefCLI.main(Array(CommandLine.arguments.dropFirst())))
