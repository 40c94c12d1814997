import Foundation
import XCTest

/// Compares text with a snapshot file in `Snapshots/` next to the tests. Run with
/// `RECORD_SNAPSHOTS=1` to write the files instead; a mismatch fails with a line diff.
func assertSnapshot(_ lines: [String], named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let actual = lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        .joined(separator: "\n") + "\n"
    let url = snapshotDirectory().appendingPathComponent("\(name).txt")

    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: snapshotDirectory(), withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        XCTFail("missing snapshot \(url.path); run with RECORD_SNAPSHOTS=1 to record it", file: file, line: line)
        return
    }
    if expected != actual {
        XCTFail("snapshot \(name) differs (- expected, + actual):\n" + lineDiff(expected, actual), file: file, line: line)
    }
}

private func snapshotDirectory() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Snapshots")
}

/// Computes a line diff from the longest common subsequence; unchanged lines get two spaces.
func lineDiff(_ expected: String, _ actual: String) -> String {
    let old = expected.components(separatedBy: "\n")
    let new = actual.components(separatedBy: "\n")
    var lengths = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
    for i in stride(from: old.count - 1, through: 0, by: -1) {
        for j in stride(from: new.count - 1, through: 0, by: -1) {
            lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
        }
    }

    var output: [String] = []
    var (i, j) = (0, 0)
    while i < old.count || j < new.count {
        if i < old.count, j < new.count, old[i] == new[j] {
            output.append("  " + old[i])
            (i, j) = (i + 1, j + 1)
        } else if j < new.count, i == old.count || lengths[i][j + 1] >= lengths[i + 1][j] {
            output.append("+ " + new[j])
            j += 1
        } else {
            output.append("- " + old[i])
            i += 1
        }
    }
    return output.joined(separator: "\n")
}
