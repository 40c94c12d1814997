import AgentRefClient
import Foundation
import XCTest

final class ServerSentEventParserTests: XCTestCase {
    /// Parses `chunks` in order and returns every event.
    private func parse(_ chunks: [String]) -> (events: [ServerSentEvent], parser: ServerSentEventParser) {
        var parser = ServerSentEventParser()
        var events: [ServerSentEvent] = []
        for chunk in chunks { events += parser.parse(Data(chunk.utf8)) }
        return (events, parser)
    }

    /// Parses `bytes` split into pieces of `size` bytes.
    private func parse(bytes: [UInt8], pieceSize size: Int) -> [ServerSentEvent] {
        var parser = ServerSentEventParser()
        var events: [ServerSentEvent] = []
        var start = 0
        while start < bytes.count {
            let end = min(start + size, bytes.count)
            events += parser.parse(Data(bytes[start..<end]))
            start = end
        }
        return events
    }

    private let feedStream = "retry: 2000\n\nid: 7\nevent: conversion.created\ndata: {\"sequence\":7}\n\n"
        + ": keep-alive\n\nid: 8\nevent: conversion.refunded\ndata: {\"sequence\":8}\n\n"

    func testParsesIdEventAndData() {
        let (events, parser) = parse([feedStream])

        XCTAssertEqual(events, [
            ServerSentEvent(type: "conversion.created", data: #"{"sequence":7}"#, lastEventID: "7"),
            ServerSentEvent(type: "conversion.refunded", data: #"{"sequence":8}"#, lastEventID: "8"),
        ])
        XCTAssertEqual(parser.reconnectionTime, 2000)
        XCTAssertEqual(parser.commentCount, 1)
    }

    func testEveryChunkSplitGivesSameEvents() {
        let bytes = Array(feedStream.utf8)
        let whole = parse(bytes: bytes, pieceSize: bytes.count)

        for size in 1...17 {
            XCTAssertEqual(parse(bytes: bytes, pieceSize: size), whole, "pieces of \(size) bytes")
        }
    }

    func testCRLFLineEndings() {
        let (events, _) = parse(["id: 1\r\nevent: a\r\ndata: x\r\ndata: y\r\n\r\n"])

        XCTAssertEqual(events, [ServerSentEvent(type: "a", data: "x\ny", lastEventID: "1")])
    }

    func testCRLFSplitAcrossChunksIsOneLineBreak() {
        let (events, _) = parse(["data: a\r", "\ndata: b\r", "\n\r", "\n"])

        XCTAssertEqual(events, [ServerSentEvent(data: "a\nb")])
    }

    func testBareCRLineEndings() {
        let (events, _) = parse(["data: a\rdata: b\r\r"])

        XCTAssertEqual(events, [ServerSentEvent(data: "a\nb")])
    }

    func testMultiLineDataIsJoined() {
        let (events, _) = parse(["data: first\ndata:\ndata:  third\n\n"])

        XCTAssertEqual(events.first?.data, "first\n\n third")
    }

    func testCommentsAreIgnoredAndCounted() {
        let (events, parser) = parse([": keep-alive\n", ":another\n\n", "data: x\n\n"])

        XCTAssertEqual(events, [ServerSentEvent(data: "x")])
        XCTAssertEqual(parser.commentCount, 2)
    }

    func testIdWithoutDataIsKept() {
        let (events, parser) = parse(["id: 42\n\n", "event: ping\n\n", "data: later\n\n"])

        XCTAssertEqual(parser.lastEventID, "42")
        XCTAssertEqual(events, [ServerSentEvent(data: "later", lastEventID: "42")])
    }

    func testEmptyDataFieldDispatchesEmptyEvent() {
        let (events, _) = parse(["data\n\n"])

        XCTAssertEqual(events, [ServerSentEvent(data: "")])
    }

    func testIdContainingNullIsIgnored() {
        let (_, parser) = parse(["id: 5\n\n", "id: 6\u{0}x\n\n"])

        XCTAssertEqual(parser.lastEventID, "5")
    }

    func testEmptyIdResetsLastEventID() {
        let (_, parser) = parse(["id: 5\n\n", "id\n\n"])

        XCTAssertEqual(parser.lastEventID, "")
    }

    func testRetryNeedsDigitsOnly() {
        let (_, parser) = parse(["retry: 1500\n", "retry: 2s\n", "retry: -1\n", "retry:\n\n"])

        XCTAssertEqual(parser.reconnectionTime, 1500)
    }

    func testOnlyOneLeadingSpaceIsStripped() {
        let (events, _) = parse(["data:  two spaces\n\n", "data:none\n\n"])

        XCTAssertEqual(events.map(\.data), [" two spaces", "none"])
    }

    func testUnknownFieldsAreIgnored() {
        let (events, _) = parse(["foo: bar\ndata: x\n\n"])

        XCTAssertEqual(events, [ServerSentEvent(data: "x")])
    }

    func testIncompleteEventAtEndIsNotDispatched() {
        let (events, _) = parse(["data: complete\n\ndata: cut off\n"])

        XCTAssertEqual(events.map(\.data), ["complete"])
    }

    func testByteOrderMarkIsSkippedEvenWhenSplit() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("data: x\n\n".utf8)

        for size in 1...4 {
            XCTAssertEqual(parse(bytes: bytes, pieceSize: size), [ServerSentEvent(data: "x")], "pieces of \(size) bytes")
        }
    }

    func testMultibyteCharacterSplitAcrossChunks() {
        let bytes = Array("data: 北風 ☕️ café\n\n".utf8)

        XCTAssertEqual(parse(bytes: bytes, pieceSize: 1), [ServerSentEvent(data: "北風 ☕️ café")])
    }

    func testEventTypeDefaultsToMessage() {
        let (events, _) = parse(["event: custom\ndata: a\n\ndata: b\n\n"])

        XCTAssertEqual(events.map(\.type), ["custom", "message"])
    }
}
