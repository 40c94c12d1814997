@testable import AgentRefTUI
import XCTest

final class KeyBindingsTests: XCTestCase {
    func testNoKeyIsBoundTwiceInOneContext() {
        for context in BindingContext.allCases {
            var seen: [Key: BindingAction] = [:]
            for binding in KeyBindings.table where binding.contexts.contains(context) {
                for key in binding.keys {
                    XCTAssertNil(seen[key], "\(key.displayName) is bound to \(seen[key].map { "\($0)" } ?? "") and "
                                 + "\(binding.action) in \(context)")
                    seen[key] = binding.action
                }
            }
        }
    }

    func testEveryActionHasABinding() {
        let bound = Set(KeyBindings.table.map(\.action))
        for action in BindingAction.allCases {
            XCTAssertTrue(bound.contains(action), "\(action) has no key")
        }
    }

    func testDesignKeysAreBound() {
        let expectations: [(Key, BindingContext, BindingAction)] = [
            (.character("j"), .programs, .moveDown), (.character("k"), .programs, .moveUp),
            (.down, .programs, .moveDown), (.up, .programs, .moveUp),
            (.enter, .programs, .open), (.escape, .stripeSettings, .back), (.character("q"), .global, .quit),
            (.character("?"), .global, .toggleHelp), (.character("/"), .programs, .startFilter),
            (.character("s"), .programs, .openStripeSettings), (.character("c"), .stripeSettings, .connectStripe),
            (.character("d"), .stripeSettings, .disconnectStripe), (.character("f"), .programs, .openFeed),
            (.character("p"), .feed, .togglePause), (.character("y"), .connect, .copyAuthURL),
            (.character("o"), .connect, .openAuthURL), (.character("r"), .programs, .refresh),
            (.character("y"), .disconnectDialog, .confirm), (.enter, .disconnectDialog, .confirm),
            (.character("n"), .disconnectDialog, .cancel), (.escape, .disconnectDialog, .cancel),
        ]
        for (key, context, action) in expectations {
            let binding = KeyBindings.table.first { $0.contexts.contains(context) && $0.keys.contains(key) }
            XCTAssertEqual(binding?.action, action, "\(key.displayName) in \(context)")
        }
    }

    func testFooterKeysReachTheirBindings() {
        var harness = ReducerHarness.withPrograms()
        let states: [AppState] = [
            harness.state,
            { harness.press(.character("s")); return harness.state }(),
            { harness.press(.character("c")); return harness.state }(),
        ]
        for state in states {
            for binding in KeyBindings.footerBindings(in: state) {
                let reached = KeyBindings.binding(for: binding.keys[0], in: state)
                XCTAssertEqual(reached?.action, binding.action, "\(binding.keys[0].displayName) on \(state.screen)")
            }
        }
    }

    func testHelpListsEveryBinding() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 120, height: 40))
        harness.press(.character("?"))
        let lines = HelpLine.lines(for: harness.state, width: 92)
        for binding in KeyBindings.table where !binding.contexts.isSubset(of: [.tooSmall]) {
            let listed = lines.contains { line in
                if case .binding(let keys, _, _) = line { return keys == binding.keyLabel }
                return false
            }
            XCTAssertTrue(listed, "\(binding.keyLabel) (\(binding.action)) is missing from help")
        }
    }

    func testHelpShowsWhyBindingIsUnavailable() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.down, .down, .down, .character("?"))
        let text = HelpLine.lines(for: harness.state, width: 200).compactMap { line -> String? in
            if case .binding(_, let text, _) = line { return text }
            return nil
        }
        XCTAssertTrue(text.contains { $0.contains("(unavailable: Stripe is not connected for") })
    }

    func testFooterDrawsDisabledBindingDimmed() throws {
        var harness = ReducerHarness.withPrograms()
        harness.press(.down, .down, .down)
        let buffer = harness.render()
        let row = harness.state.size.height - 1
        let line = harness.lines[row]
        let column = try XCTUnwrap(line.range(of: "d disconnect")).lowerBound.utf16Offset(in: line)
        XCTAssertEqual(buffer[column, row].style, harness.theme[.disabled])
    }

    func testFooterKeepsHelpAndQuitWhenNarrow() {
        let bindings = KeyHintBar.fitting(KeyBindings.footerBindings(in: ReducerHarness.withPrograms().state), width: 20)
        XCTAssertEqual(Set(bindings.map(\.action)), [.toggleHelp, .quit])
    }
}
