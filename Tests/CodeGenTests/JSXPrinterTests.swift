import Testing
@testable import CodeGen

@Suite struct JSXPrinterTests {
    @Test func printsAStatelessComponentWithNamedAndDefaultExport() {
        let body = JSXElement(.button, [.str("type", "button"), .cls(["px-4", "bg-indigo-600", "px-4"])], [.text("Pay <now>")])
        let (source, classes) = JSXPrinter().print(JSXModule(name: "PayButton", body: body))
        #expect(source == """
        export function PayButton() {
          return (
            <button type="button" className="px-4 bg-indigo-600">Pay &lt;now&gt;</button>
          );
        }

        export default PayButton;

        """)
        #expect(classes == ["bg-indigo-600", "px-4"])
    }

    @Test func printsStateConditionalRenderingAndHandlers() {
        let open = StateHook("open", initial: .bool(false))
        let body = JSXElement(.div, [.expr("onKeyDown", .handler(.closeOnEscape(open.setter)))], [
            .el(.button, [.expr("onClick", .handler(.set(open.setter, .not(.identifier(open.value))))),
                          .expr("aria-expanded", .identifier(open.value))], [.text("Menu")]),
            .expression(.show(.identifier(open.value), JSXElement(.ul, [.expr("className", .conditional(
                .equals(.identifier(open.value), .bool(true)), .classes(["block"]), .classes(["hidden"])))]))),
        ])
        let (source, classes) = JSXPrinter().print(JSXModule(name: "Menu", states: [open], body: body))
        #expect(source == """
        import { useState } from "react";

        export function Menu() {
          const [open, setOpen] = useState(false);

          return (
            <div onKeyDown={(event) => event.key === "Escape" && setOpen(false)}>
              <button onClick={() => setOpen(!open)} aria-expanded={open}>Menu</button>
              {open && (
                <ul className={open === true ? "block" : "hidden"} />
              )}
            </div>
          );
        }

        export default Menu;

        """)
        #expect(classes == ["block", "hidden"])
    }

    @Test func switchedClassesShareTheirCommonPart() {
        var state = JSXPrinter.State()
        let attr = JSXAttribute("className", .expression(.conditional(.identifier("on"),
            .classes(["h-6", "w-11", "bg-green-600"]), .classes(["h-6", "w-11", "bg-slate-300"]))))
        #expect(JSXPrinter().attribute(attr, &state) == "className={`h-6 w-11 ${on ? \"bg-green-600\" : \"bg-slate-300\"}`}")
        #expect(state.classes.sorted() == ["bg-green-600", "bg-slate-300", "h-6", "w-11"])
    }

    @Test func breaksLongTagsOneAttributePerLine() {
        let long = ClassList((1...30).map { "p-\($0)" })
        let el = JSXElement(.input, [.str("id", "x"), .cls(long)])
        var state = JSXPrinter.State()
        let lines = JSXPrinter(width: 60).element(el, indent: 1, &state)
        #expect(lines == ["  <input", "    id=\"x\"", "    className=\"\(long.text)\"", "  />"])
    }

    @Test func cycleNeverGoesNegative() {
        var state = JSXPrinter.State()
        #expect(JSXPrinter().expression(.cycle("index", step: -1, count: 3), &state) == "(index + 2) % 3")
        #expect(JSXPrinter().expression(.cycle("index", step: 1, count: 3), &state) == "(index + 1) % 3")
    }

    @Test func textThatCleansToNothingPrintsNoLine() {
        let el = JSXElement(.div, [], [.text("\u{200B}\n"), .el(.span)])
        var state = JSXPrinter.State()
        #expect(JSXPrinter().element(el, indent: 0, &state) == ["<div>", "  <span />", "</div>"])
    }
}
