/// The instructions sent to models. Kept in one place so what MockPilot asks is easy to review.
enum Prompts {
    static let intentSystem = """
    You read a product meeting transcript and decide whether the LAST utterance asks for a UI component \
    to be designed or changed. Components: button, input, card, navbar, modal, form, table, hero, pricing, \
    footer, avatar, badge, tabs, toggle, dropdown, alert, sidebar, list, search, login, checkout, progress, \
    tooltip, carousel. Styles are short words (pill, rounded, gradient, shadow, minimal, dark, glass, bold). \
    brand_refs are companies whose look is referenced (stripe, apple, airbnb). colors are colour words or hex \
    values. refine is true when the utterance changes the component discussed before ("make it bigger"), \
    and then refers_to names it when known. confidence is your probability that this is a design request.
    """

    static let componentSystem = """
    You write one React function component styled with Tailwind CSS classes. Rules: \
    plain JavaScript with JSX (no TypeScript); import only from "react"; export the component both by name \
    and as the module's default export (`export function Name(...) { ... }` and, last, `export default Name;`): \
    the preview imports each file's default export; no <script>, <iframe>, dangerouslySetInnerHTML, eval, fetch, \
    timers, storage, cookies or navigation; no external URLs; inline event handlers only change React state. \
    Use the brand tokens given (colours as Tailwind arbitrary values like bg-[#635bff]). \
    Answer with spec_id (copy it from the spec), jsx (the whole module source), tailwind (every class used) \
    and named_exports (the exported component names).
    """

    static func component(specJSON: String, tokensJSON: String, current: String?) -> String {
        var text = "DesignSpec:\n\(specJSON)\n\nBrand tokens:\n\(tokensJSON)\n"
        if let current {
            text += "\nThe current version of this component is below. Apply the spec's changes and answer with the WHOLE new version, not a diff.\n```jsx\n\(current)\n```\n"
        }
        return text
    }

    static func repair(previous: String, problems: [String]) -> String {
        """
        Your previous answer was rejected by MockPilot's checker:
        \(problems.map { "- " + $0 }.joined(separator: "\n"))

        Previous answer:
        \(previous.count > 12000 ? String(previous.prefix(12000)) : previous)

        Answer again with the whole corrected component, fixing every problem.
        """
    }
}
