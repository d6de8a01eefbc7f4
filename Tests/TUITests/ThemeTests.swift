import Foundation
import TestSupport
import Testing
@testable import TUI

@Suite struct ThemeTests {
    @Test func parsesColoursAttributesAndBackgrounds() throws {
        let theme = try Theme.parse("name = mine\n# comment\ntitle = 75 on black bold  # trailing\nhint = default dim\n",
                                    file: "mine.theme", defaultName: "x")
        #expect(theme.name == "mine")
        #expect(theme.style(.title) == RoleStyle(foreground: .index(75), background: .index(0), bold: true))
        #expect(theme.style(.hint) == RoleStyle(dim: true))
        #expect(theme.style(.speaker) == theme.style(.text), "left-out roles look like text")
    }

    @Test func errorsNameTheFileAndLine() {
        #expect(throws: TUIError.themeSyntax(file: "t.theme", line: 2, reason: "colour 300 is outside 0-255")) {
            try Theme.parse("text = 1\nborder = 300\n", file: "t.theme", defaultName: "t")
        }
        let unknown = #expect(throws: TUIError.self) { try Theme.parse("\n\nborderx = red", file: "t.theme", defaultName: "t") }
        #expect(unknown?.errorDescription?.hasPrefix("t.theme:3: unknown key `borderx`") == true)
        #expect(throws: TUIError.self) { try Theme.parse("text red", file: "t.theme", defaultName: "t") }
        #expect(throws: TUIError.self) { try Theme.parse("text = mauve", file: "t.theme", defaultName: "t") }
    }

    @Test func theShippedThemesLoadInOrderAndDefineEveryRole() throws {
        let catalog = try ThemeCatalog.load(directory: Repository.root.path + "/Themes")
        #expect(Array(catalog.names.prefix(3)) == ["dark", "light", "high-contrast"])
        for theme in catalog.themes {
            for role in Role.allCases { #expect(theme.styles[role] != nil, "\(theme.name) sets \(role.rawValue)") }
        }
    }

    @Test func anUnknownThemeNameListsTheAvailableOnes() {
        let ui = TerminalUI(options: TUIOptions(themesDirectory: Repository.root.path + "/Themes", theme: "solarized",
                                                exportFolder: "/tmp"))
        let error = #expect(throws: TUIError.self) { try ui.loadThemes() }
        #expect(error?.errorDescription == "no theme named 'solarized'; available: dark, light, high-contrast")
    }

    @Test func eightColourTerminalsGetTheNearestBasicColour() {
        #expect(TermColor.index(75).basic == .index(6))   // sky blue -> cyan
        #expect(TermColor.index(214).basic == .index(3))  // orange -> yellow
        #expect(TermColor.index(236).basic == .index(0))  // dark grey background -> black
        #expect(TermColor.index(252).basic == .index(7))  // light grey text -> white
        #expect(TermColor.index(9).basic == .index(1))
        #expect(TermColor.index(24).basic == .index(4))   // dark blue stays blue, not black
    }

    @Test func withoutColourEveryRoleStillStandsOut() {
        #expect(Theme.monochrome(.partial).dim)
        #expect(Theme.monochrome(.titleFocused).reverse)
        #expect(Theme.monochrome(.selection).reverse)
    }
}
