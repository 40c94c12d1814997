@testable import AgentRefTUI
import XCTest

final class URLOpenerTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("opener-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Creates an executable script `name` in the test folder that writes its arguments to `name.out`.
    @discardableResult
    private func makeScript(_ name: String) throws -> URL {
        let script = directory.appendingPathComponent(name)
        let output = directory.appendingPathComponent("\(name).out").path
        try "#!/bin/sh\nprintf '%s\\n' \"$@\" > '\(output)'\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return script
    }

    func testBrowserWithPlaceholderGetsURLInPlace() throws {
        try makeScript("mybrowser")
        let opener = URLOpener(environment: ["BROWSER": "mybrowser --new %s", "PATH": directory.path])
        XCTAssertEqual(opener.command(for: "http://a"), ["mybrowser", "--new", "http://a"])
    }

    func testBrowserWithoutPlaceholderGetsURLAppended() throws {
        try makeScript("mybrowser")
        let opener = URLOpener(environment: ["BROWSER": "missing:mybrowser", "PATH": directory.path])
        XCTAssertEqual(opener.command(for: "http://a"), ["mybrowser", "http://a"])
    }

    func testXdgOpenUsedWithoutBrowser() throws {
        try makeScript("xdg-open")
        let opener = URLOpener(environment: ["PATH": directory.path])
        XCTAssertEqual(opener.command(for: "http://a"), ["xdg-open", "http://a"])
    }

    func testNoOpenerReported() {
        let opener = URLOpener(environment: ["PATH": directory.path])
        XCTAssertNil(opener.command(for: "http://a"))
        XCTAssertEqual(opener.open("http://a"), .noOpener)
    }

    func testNonHTTPURLIsNotOpened() throws {
        try makeScript("xdg-open")
        let opener = URLOpener(environment: ["PATH": directory.path])
        guard case .failed = opener.open("--help") else { return XCTFail("expected failure") }
    }

    func testOpenStartsCommandWithURL() throws {
        try makeScript("xdg-open")
        let url = "http://127.0.0.1:12111/oauth/authorize?state=st_1&scope=read_only"
        let opener = URLOpener(environment: ["PATH": directory.path])
        XCTAssertEqual(opener.open(url), .opened(command: "xdg-open"))

        let output = directory.appendingPathComponent("xdg-open.out")
        let deadline = Date().addingTimeInterval(5)
        while !FileManager.default.fileExists(atPath: output.path), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        let written = try String(contentsOf: output, encoding: .utf8)
        XCTAssertEqual(written, url + "\n")
    }
}
