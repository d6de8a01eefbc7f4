import CNcursesw
import Core
import Foundation

/// `Terminal` on ncursesw: raw keys, mouse clicks, wide characters, and a diff against the
/// last frame so only changed cells are written (then `wnoutrefresh` + `doupdate` once).
final class NcursesTerminal: Terminal {
    enum ColorDepth {
        case none, basic, full
    }

    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: ScreenBuffer?
    private var looks: [Role: (attr: attr_t, pair: Int32)] = [:]
    private var stopped = false
    let depth: ColorDepth

    init(theme: Theme, useColor: Bool) throws(TUIError) {
        _ = mp_setlocale_utf8()
        guard let window = mp_newterm() else {
            throw .terminalUnavailable(term: ProcessInfo.processInfo.environment["TERM"] ?? "(unset)")
        }
        self.window = window
        mp_restore_at_exit()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        nodelay(window, true)
        curs_set(0)
        set_escdelay(25)
        _ = mp_enable_mouse()
        mouseinterval(0)
        if useColor && has_colors() {
            start_color()
            use_default_colors()
            depth = mp_colors() >= 256 ? .full : .basic
        } else {
            depth = .none
        }
        apply(theme: theme)
    }

    var size: Size { Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    func apply(theme: Theme) {
        looks = [:]
        for (i, role) in Role.allCases.enumerated() {
            let style = depth == .none ? Theme.monochrome(role) : theme.style(role)
            var attr = mp_a_normal()
            if style.bold { attr |= mp_a_bold() }
            if style.dim { attr |= mp_a_dim() }
            if style.underline { attr |= mp_a_underline() }
            if style.reverse { attr |= mp_a_reverse() }
            if style.italic { attr |= mp_a_italic() }
            var pair: Int32 = 0
            if depth != .none {
                pair = Int32(i + 1)
                init_pair(Int16(pair), number(style.foreground), number(style.background))
            }
            looks[role] = (attr, pair)
        }
        previous = nil
    }

    private func number(_ color: TermColor) -> Int16 {
        let c = depth == .full ? color : color.basic
        switch c {
        case .terminalDefault: return -1
        case .index(let n): return Int16(n)
        }
    }

    @discardableResult
    func present(_ buffer: ScreenBuffer) -> Int {
        if let p = previous, p.width != buffer.width || p.height != buffer.height { previous = nil }
        if previous == nil { wclear(window) }
        var painted = 0
        var chars: [wchar_t] = []
        chars.reserveCapacity(4)
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if cell.width == 0 { continue }
                if let p = previous, p[x, y] == cell,
                   cell.width == 1 || (x + 1 < buffer.width && p[x + 1, y] == buffer[x + 1, y]) {
                    continue
                }
                chars.removeAll(keepingCapacity: true)
                for scalar in cell.text.unicodeScalars { chars.append(wchar_t(bitPattern: scalar.value)) }
                let look = looks[cell.role] ?? (mp_a_normal(), 0)
                _ = mp_put_cell(window, Int32(y), Int32(x), chars, Int32(chars.count), look.attr, look.pair)
                painted += 1
            }
        }
        wnoutrefresh(window)
        doupdate()
        previous = buffer
        return painted
    }

    func readKey() -> Key? {
        var value: Int32 = 0
        let rc = mp_get_wch(window, &value)
        if rc == ERR { return nil }
        if rc == mp_key_code_yes() { return special(value) }
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 3: return .interrupt
        default:
            guard let scalar = Unicode.Scalar(UInt32(bitPattern: value)) else { return readKey() }
            return .char(Character(scalar))
        }
    }

    private func special(_ code: Int32) -> Key? {
        switch code {
        case mp_key_up(): return .up
        case mp_key_down(): return .down
        case mp_key_left(): return .left
        case mp_key_right(): return .right
        case mp_key_ppage(): return .pageUp
        case mp_key_npage(): return .pageDown
        case mp_key_home(): return .home
        case mp_key_end(): return .end
        case mp_key_enter(): return .enter
        case mp_key_backspace(): return .backspace
        case mp_key_btab(): return .backTab
        case mp_key_resize():
            previous = nil
            return .resize
        case mp_key_mouse():
            var y: Int32 = 0, x: Int32 = 0, wheel: Int32 = 0
            guard mp_getmouse(&y, &x, &wheel) == OK else { return readKey() }
            return wheel != 0 ? .wheel(x: Int(x), y: Int(y), delta: Int(wheel)) : .click(x: Int(x), y: Int(y))
        default:
            return readKey()
        }
    }

    func stop() {
        guard !stopped else { return }
        stopped = true
        curs_set(1)
        endwin()
    }

    deinit { stop() }
}
