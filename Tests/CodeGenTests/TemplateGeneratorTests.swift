import Brands
import Core
import Foundation
import Testing
@testable import CodeGen

/// Labels a meeting could hand us that must never become markup or code.
let hostileLabels = [
    "</div><script>alert(1)</script>",
    "{process.exit()}",
    "\"; DROP TABLE users; --",
    "A & b <c> {d} 'e' `f` ${g}",
]

/// One combination of styles, brands, colours and label.
struct Variant: Sendable {
    var name: String
    var styles: [String]
    var brands: [String] = []
    var colors: [String] = []
    var label: String?
}

/// Style, brand and colour combinations that exercise every branch of the look.
let fixedVariants: [Variant] = [
    Variant(name: "plain", styles: []),
    Variant(name: "pill-gradient", styles: ["pill", "gradient", "hover-scale"], colors: ["purple", "blue"], label: "pay"),
    Variant(name: "dark-glass", styles: ["dark", "glass", "large", "animated"], brands: ["Linear"], label: "Team space"),
    Variant(name: "outline-hex", styles: ["outline", "small", "square", "minimal"], colors: ["#635bff"]),
    Variant(name: "ghost-stripe", styles: ["ghost", "light", "bold", "centered", "full-width", "sticky", "hover-glow"],
            brands: ["Stripe"], label: "Get paid"),
    Variant(name: "rounded-mailchimp", styles: ["rounded", "shadow"], brands: ["Mailchimp"], colors: ["white"]),
    Variant(name: "spotify-mono", styles: ["pill", "dark"], brands: ["Spotify"], colors: ["black", "white"], label: "Now playing"),
    Variant(name: "netflix-red", styles: ["bold", "large", "gradient"], brands: ["Netflix"], colors: ["red", "orange", "yellow"],
            label: "Watch now"),
]
let variants: [Variant] = fixedVariants + hostileLabels.enumerated().map { i, label in
    Variant(name: "hostile\(i)", styles: ["gradient"], brands: ["Apple"], colors: ["green"], label: label)
}

let interactiveKinds: Set<ComponentKind> = [.modal, .tabs, .toggle, .dropdown, .carousel, .tooltip, .pricing, .alert]

/// Every tag a template may emit; anything else in the output came from somewhere it should not.
let allowedElements = Set(JSXTag.allCases.map(\.rawValue))

@Suite struct TemplateGeneratorTests {
    let generator: TemplateGenerator
    let resolver: SpecResolver

    init() throws {
        let brands = try Fixtures.brands()
        generator = TemplateGenerator(brands: brands)
        resolver = SpecResolver(brands: brands)
    }

    func spec(_ kind: ComponentKind, _ v: Variant) -> DesignSpec {
        let intent = IntentMsg(utteranceID: "u1", component: kind, styles: v.styles, brandRefs: v.brands, confidence: 1,
                               colors: v.colors, cue: true, label: v.label)
        return resolver.spec(for: intent, kind: kind, previous: nil, componentID: "c1", version: 1)
    }

    @Test
    func babelAcceptsEveryKindInEveryVariantAndHostileTextStaysText() throws {
        var sources: [String: String] = [:]
        var responses: [String: (ComponentKind, String?, GenerateResponse)] = [:]
        for kind in ComponentKind.allCases {
            for v in variants {
                let r = try generator.generate(spec(kind, v))
                let key = "\(kind.rawValue)-\(v.name)"
                sources[key] = r.jsx
                responses[key] = (kind, v.label, r)
            }
        }
        #expect(sources.count == ComponentKind.allCases.count * variants.count)
        let reports = try BabelCheck.check(sources)
        #expect(reports.count == sources.count)

        for (key, (kind, label, response)) in responses.sorted(by: { $0.key < $1.key }) {
            guard let report = reports[key] else {
                Issue.record("no Babel report for \(key)")
                continue
            }
            #expect(report.error == nil, "\(key): \(report.error ?? "")\n\(response.jsx)")
            // Pretty-printed: 2-space indents, no tabs, no trailing spaces, one final newline.
            for line in response.jsx.split(separator: "\n", omittingEmptySubsequences: false) {
                let indent = line.prefix { $0 == " " }.count
                #expect(indent % 2 == 0 && !line.contains("\t") && !line.hasSuffix(" "), "\(key): '\(line)'")
            }
            #expect(response.jsx.hasSuffix(";\n") && !response.jsx.hasSuffix("\n\n"))
            // Only our own tags and our own calls.
            #expect(Set(report.elements).isSubset(of: allowedElements), "\(key): \(report.elements)")
            for call in report.calls {
                #expect(call == "useState" || call.hasPrefix("set") || call == "event.preventDefault", "\(key) calls \(call)")
            }
            // Interactive kinds import useState from react and nothing else; the rest import nothing.
            if interactiveKinds.contains(kind) {
                #expect(report.imports == ["useState from react"], "\(key): \(report.imports)")
            } else {
                #expect(report.imports.isEmpty, "\(key): \(report.imports)")
            }
            let name = response.namedExports.first ?? ""
            #expect(report.exports == ["named \(name)", "default \(name)"], "\(key): \(report.exports)")
            // The response lists exactly the classes the file uses, sorted.
            #expect(response.tailwind == Array(Set(report.classes)).sorted(), "\(key)")
            // A hostile label shows up verbatim as decoded text or attribute value, never as code.
            if let label, hostileLabels.contains(label) {
                let shown = report.texts + report.attributeStrings
                #expect(shown.contains { $0.contains(label) }, "\(key): label not shown as text")
                #expect(!report.elements.contains("script"))
                if label.contains(where: { "<>{}".contains($0) }) {
                    #expect(!response.jsx.contains(label), "\(key): label appears unescaped in the source")
                }
            }
        }
    }

    @Test func sameSpecGivesSameBytesAfterAJSONRoundTrip() throws {
        for kind in ComponentKind.allCases {
            for v in variants {
                let s = spec(kind, v)
                let again = try JSONLines.decode(DesignSpec.self, from: try JSONLines.encode(s))
                #expect(try generator.generate(s) == generator.generate(again))
            }
        }
    }

    /// Each style alone and each brand of the shipped table alone, on every kind.
    @Test
    func everySingleStyleAndEveryBrandParses() throws {
        let brands = try Fixtures.brands().brands.map(\.name)
        var singles = Style.allCases.map { Variant(name: "style-\($0.rawValue)", styles: [$0.rawValue]) }
        singles += brands.map { Variant(name: "brand-\($0)", styles: [], brands: [$0]) }
        var sources: [String: String] = [:]
        var tailwind: [String: [String]] = [:]
        for kind in ComponentKind.allCases {
            for v in singles {
                let r = try generator.generate(spec(kind, v))
                sources["\(kind.rawValue)-\(v.name)"] = r.jsx
                tailwind["\(kind.rawValue)-\(v.name)"] = r.tailwind
            }
        }
        #expect(sources.count == ComponentKind.allCases.count * (Style.allCases.count + brands.count))
        let reports = try BabelCheck.check(sources)
        #expect(reports.count == sources.count)
        for (key, report) in reports.sorted(by: { $0.key < $1.key }) {
            #expect(report.error == nil, "\(key): \(report.error ?? "")")
            #expect(tailwind[key] == Array(Set(report.classes)).sorted(), "\(key)")
        }
    }

    @Test func everyClassIsAPlainTailwindToken() throws {
        let allowed = CharacterSet(charactersIn:
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_:/.[]#%,()!")
        for kind in ComponentKind.allCases {
            for v in variants {
                for cls in try generator.generate(spec(kind, v)).tailwind {
                    #expect(cls.unicodeScalars.allSatisfy(allowed.contains), "\(kind) \(v.name): \(cls)")
                }
            }
        }
    }

    @Test func stylesShowUpAsTheClassesTheyPromise() throws {
        let r = try generator.generate(spec(.button, Variant(name: "", styles: ["pill", "gradient", "hover-scale", "large"], colors: ["purple", "blue"], label: "pay")))
        for cls in ["rounded-full", "bg-gradient-to-r", "from-purple-600", "to-blue-600", "hover:scale-105", "text-lg",
                    "focus-visible:ring-purple-600"] {
            #expect(r.tailwind.contains(cls), "missing \(cls)")
        }
        #expect(r.jsx.contains("\n      Pay\n"))
        let worded = try generator.generate(spec(.button, Variant(name: "", styles: [], label: "pay now button")))
        #expect(worded.jsx.contains("\n      Pay now\n    </button>"))
        #expect(worded.namedExports == ["PayNowButton"])
        #expect(r.namedExports == ["PayButton"])

        let stripe = try generator.generate(spec(.card, Variant(name: "", styles: ["sticky"], brands: ["Stripe"])))
        #expect(stripe.tailwind.contains("from-[#635bff]"))
        #expect(stripe.tailwind.contains("font-[Sohne,Inter,sans-serif]"))
        #expect(stripe.tailwind.contains("sticky"))
        for kind in ComponentKind.allCases {
            let r = try generator.generate(spec(kind, Variant(name: "", styles: ["sticky"])))
            #expect(r.tailwind.contains("sticky"), "\(kind) ignores sticky")
            let wide = try generator.generate(spec(kind, Variant(name: "", styles: ["full-width"])))
            #expect(wide.tailwind.contains("w-full"), "\(kind) ignores full-width")
            let centered = try generator.generate(spec(kind, Variant(name: "", styles: ["centered"])))
            #expect(!Set(["mx-auto", "justify-center", "text-center"]).isDisjoint(with: centered.tailwind), "\(kind) ignores centered")
        }

        // Brand accents mark highlights when they stand out: Figma's green on black, not Stripe's navy on black.
        let figma = try generator.generate(spec(.pricing, Variant(name: "", styles: ["dark"], brands: ["Figma"])))
        #expect(figma.tailwind.contains("text-[#0acf83]"))
        let stripeDark = try generator.generate(spec(.hero, Variant(name: "", styles: ["dark"], brands: ["Stripe"])))
        #expect(!stripeDark.tailwind.contains("text-[#0a2540]"))
        #expect(stripeDark.tailwind.contains("text-[#635bff]"))

        // Spotify's page is near-black, but a toggle paints no page: its label stays dark on the
        // host page unless "dark" is asked for.
        let spotify = try generator.generate(spec(.toggle, Variant(name: "", styles: [], brands: ["Spotify"])))
        #expect(spotify.tailwind.contains("text-slate-900") && !spotify.tailwind.contains("text-[#ffffff]"))
        #expect(spotify.tailwind.contains("bg-slate-300"))
        let spotifyDark = try generator.generate(spec(.toggle, Variant(name: "", styles: ["dark"], brands: ["Spotify"])))
        #expect(spotifyDark.tailwind.contains("text-[#ffffff]") && spotifyDark.tailwind.contains("bg-white/20"))
        // A card paints Spotify's page colour itself, so its text is Spotify's white.
        let spotifyCard = try generator.generate(spec(.card, Variant(name: "", styles: [], brands: ["Spotify"])))
        #expect(spotifyCard.tailwind.contains("bg-[#121212]") && spotifyCard.tailwind.contains("text-[#ffffff]"))

        let dark = try generator.generate(spec(.navbar, Variant(name: "", styles: ["dark", "sticky"])))
        #expect(dark.tailwind.contains("bg-slate-900"))
        #expect(dark.tailwind.contains("sticky"))
    }

    @Test func accessibleMarkupPerKind() throws {
        func jsx(_ kind: ComponentKind) throws -> String { try generator.generate(spec(kind, variants[0])).jsx }
        #expect(try jsx(.modal).contains("role=\"dialog\"") && jsx(.modal).contains("aria-modal=\"true\""))
        #expect(try jsx(.tabs).contains("role=\"tablist\"") && jsx(.tabs).contains("aria-selected={active === 0}"))
        #expect(try jsx(.toggle).contains("role=\"switch\"") && jsx(.toggle).contains("aria-checked={enabled}"))
        #expect(try jsx(.dropdown).contains("aria-expanded={open}") && jsx(.dropdown).contains("role=\"menuitem\""))
        #expect(try jsx(.tooltip).contains("role=\"tooltip\"") && jsx(.tooltip).contains("aria-describedby="))
        #expect(try jsx(.progress).contains("role=\"progressbar\"") && jsx(.progress).contains("aria-valuenow={60}"))
        #expect(try jsx(.alert).contains("role=\"alert\"") && jsx(.alert).contains("aria-label=\"Dismiss\""))
        #expect(try jsx(.avatar).contains("role=\"img\"") && jsx(.avatar).contains("aria-label=\"Ada Lovelace\""))
        #expect(try jsx(.search).contains("role=\"search\""))
        #expect(try jsx(.carousel).contains("aria-roledescription=\"carousel\"") && jsx(.carousel).contains("(index + 2) % 3"))
        #expect(try jsx(.pricing).contains("{yearly ? \"$290\" : \"$29\"}"))
        for kind in [ComponentKind.input, .login, .checkout, .form] {
            let source = try jsx(kind)
            // Every input has a label pointing at it.
            let inputs = source.components(separatedBy: "<input").dropFirst().compactMap { $0.components(separatedBy: "/>").first }
            let ids = inputs.compactMap { $0.components(separatedBy: "id=\"").dropFirst().first?.split(separator: "\"").first }
            #expect(!ids.isEmpty, "\(kind) has no input")
            for id in ids { #expect(source.contains("htmlFor=\"\(id)\""), "\(kind): input \(id) has no label") }
        }
    }

    @Test func aBadThemeTokenIsAnErrorNamingTheToken() {
        let s = DesignSpec(specID: "c9.v1", component: .button, themeTokens: ["radius": "banana"])
        #expect(throws: CodeGenError.badToken(specID: "c9.v1", key: "radius", value: "banana",
                                              expected: "one of none sm md lg xl 2xl 3xl full")) {
            try generator.generate(s)
        }
        let hostile = DesignSpec(specID: "c9.v2", component: .card, themeTokens: ["primary": "red-500\"><script>"])
        #expect(throws: CodeGenError.self) { try generator.generate(hostile) }
    }

    @Test func aHandWrittenSpecResolvesItsOwnBrandsColoursAndStyles() throws {
        let s = DesignSpec(specID: "x", component: .button, styles: ["pill"], brandRefs: ["airbnb"], colors: [], label: "book")
        let r = try generator.generate(s)
        #expect(r.tailwind.contains("bg-[#ff385c]"))
        #expect(r.tailwind.contains("rounded-full"))
        #expect(r.namedExports == ["BookButton"])
        #expect(generator.componentName(for: s) == "BookButton")
    }
}

@Suite struct BabelCheckTests {
    /// The harness itself must be able to fail, or the matrix above proves nothing.
    @Test
    func rejectsBrokenJSXAndSeesInjectedMarkup() throws {
        let reports = try BabelCheck.check([
            "broken": "export default function Broken(){ return <button className=\"x\">Pay</buton>; }",
            "injected": "export function A() { return <p><script>{alert(1)}</script></p>; }",
        ])
        #expect(reports["broken"]?.error != nil)
        #expect(reports["injected"]?.error == nil)
        #expect(reports["injected"]?.elements.contains("script") == true)
        #expect(reports["injected"]?.calls == ["alert"])
    }
}
