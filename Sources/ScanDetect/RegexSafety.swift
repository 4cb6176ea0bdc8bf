/// Rejects regular expressions that can backtrack catastrophically: a quantified group whose
/// body can itself repeat without bound, as in `(a+)+`, `(\w*)*` or `(x|y+){2,}`.
enum RegexSafety {
    /// A one-line reason, or nil when the pattern looks safe.
    static func problem(in pattern: String) -> String? {
        let chars = Array(pattern)
        var groupRepeats: [Bool] = []  // per open group: does its body repeat without bound?
        var index = 0
        var lastClosedRepeats = false
        while index < chars.count {
            let char = chars[index]
            switch char {
            case "\\":
                index += 2
                lastClosedRepeats = false
                continue
            case "[":
                index = skipClass(chars, from: index)
                lastClosedRepeats = false
                continue
            case "(":
                groupRepeats.append(false)
            case ")":
                lastClosedRepeats = groupRepeats.popLast() ?? false
                if isUnbounded(chars, at: index + 1) {
                    if lastClosedRepeats { return "nested unbounded repetition near position \(index + 1)" }
                    lastClosedRepeats = true
                }
                if lastClosedRepeats, !groupRepeats.isEmpty { groupRepeats[groupRepeats.count - 1] = true }
                index += 1
                continue
            default:
                if isUnbounded(chars, at: index), !groupRepeats.isEmpty, char != ")" {
                    groupRepeats[groupRepeats.count - 1] = true
                }
            }
            lastClosedRepeats = false
            index += 1
        }
        return nil
    }

    /// Whether a quantifier without an upper bound (`+`, `*`, `{n,}`) starts at `index`.
    private static func isUnbounded(_ chars: [Character], at index: Int) -> Bool {
        guard index < chars.count else { return false }
        if chars[index] == "+" || chars[index] == "*" { return true }
        guard chars[index] == "{" else { return false }
        var cursor = index + 1
        while cursor < chars.count, chars[cursor] != "}" { cursor += 1 }
        guard cursor < chars.count else { return false }
        return chars[(index + 1)..<cursor].last == ","
    }

    private static func skipClass(_ chars: [Character], from start: Int) -> Int {
        var index = start + 1
        if index < chars.count, chars[index] == "^" { index += 1 }
        if index < chars.count, chars[index] == "]" { index += 1 }
        while index < chars.count, chars[index] != "]" {
            index += chars[index] == "\\" ? 2 : 1
        }
        return index + 1
    }
}
