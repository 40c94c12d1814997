import Dispatch
import Foundation

/// Blocks until the process receives SIGINT or SIGTERM, so a server command can shut down
/// cleanly instead of being killed mid-write.
enum SignalWaiter {
    static func waitForTermination() {
        let received = DispatchSemaphore(value: 0)
        var sources: [DispatchSourceSignal] = []

        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { received.signal() }
            source.resume()
            sources.append(source)
        }

        received.wait()
        sources.forEach { $0.cancel() }
    }
}
