import ScanCore

/// Reads the year and holder out of a copyright notice's matched text.
enum CopyrightDetailReader {
    /// Phrases (already folded) that are part of a notice, not of its holder.
    private static let noise = ["all rights reserved", "tous droits reserves", "droits d'auteur", "copyright", "(c)", "\u{00A9}"]
    private static let trim: Set<Unicode.Scalar> = [" ", "\t", "\n", "-", "–", "—", ",", ".", ";", ":", "(", ")", "©", "/"]

    static func read(_ match: String) -> CopyrightDetail {
        let scalars = Array(match.unicodeScalars)
        var keep = [Bool](repeating: true, count: scalars.count)
        var year: Int?
        for index in scalars.indices where isDigit(scalars[index]) {
            keep[index] = false
            let bounded = (index == 0 || !isDigit(scalars[index - 1])) && index + 4 <= scalars.count
                && (index + 4 == scalars.count || !isDigit(scalars[index + 4]))
            if year == nil, bounded, scalars[index..<index + 4].allSatisfy(isDigit) {
                let value = scalars[index..<index + 4].reduce(0) { $0 * 10 + Int($1.value - 0x30) }
                if (1900...2099).contains(value) { year = value }
            }
        }
        // The match folded, with the scalar each folded byte came from (ASCII, the usual case,
        // byte for byte).
        var folded: [UInt8] = []
        var owner: [Int] = []
        folded.reserveCapacity(scalars.count)
        owner.reserveCapacity(scalars.count)
        for (index, scalar) in scalars.enumerated() {
            if scalar.value < 0x80 {
                folded.append(TextFolding.ascii[Int(scalar.value)])
                owner.append(index)
                continue
            }
            TextFolding.withFolded(scalar) { bytes in
                folded.append(contentsOf: bytes)
                owner.append(contentsOf: repeatElement(index, count: bytes.count))
            }
        }
        for phrase in noise {
            removeAll(of: Array(phrase.utf8), in: folded, owner: owner, keep: &keep)
        }
        var kept = scalars.indices.filter { keep[$0] }.map { scalars[$0] }
        while let first = kept.first, trim.contains(first) { kept.removeFirst() }
        while let last = kept.last, trim.contains(last) { kept.removeLast() }
        let holder = String(String.UnicodeScalarView(kept)).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return CopyrightDetail(year: year, holder: holder.isEmpty ? nil : holder)
    }

    /// Marks the scalars of every occurrence of `phrase` (folded bytes) as not kept.
    private static func removeAll(of phrase: [UInt8], in folded: [UInt8], owner: [Int], keep: inout [Bool]) {
        guard !phrase.isEmpty, phrase.count <= folded.count else { return }
        var start = 0
        while start + phrase.count <= folded.count {
            if folded[start] == phrase[0], folded[start..<start + phrase.count].elementsEqual(phrase) {
                for position in owner[start]...owner[start + phrase.count - 1] { keep[position] = false }
                start += phrase.count
            } else {
                start += 1
            }
        }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
}
