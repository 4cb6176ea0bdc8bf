import Foundation
import ScanCore

/// Reads the year and holder out of a copyright notice's matched text.
enum CopyrightDetailReader {
    private static let noise = ["copyright", "tous droits reserves", "tous droits réservés", "all rights reserved", "droits d'auteur"]

    static func read(_ match: String) -> CopyrightDetail {
        let scalars = Array(match.unicodeScalars)
        var year: Int?
        var index = 0
        while index + 4 <= scalars.count {
            let digits = scalars[index..<index + 4]
            let bounded = (index == 0 || !isDigit(scalars[index - 1])) && (index + 4 == scalars.count || !isDigit(scalars[index + 4]))
            if bounded, digits.allSatisfy(isDigit), let value = Int(String(String.UnicodeScalarView(digits))), (1900...2099).contains(value) {
                year = value
                break
            }
            index += 1
        }
        var holder = match
        for word in noise {
            if let range = holder.range(of: word, options: [.caseInsensitive, .diacriticInsensitive]) { holder.removeSubrange(range) }
        }
        holder = String(String.UnicodeScalarView(holder.unicodeScalars.filter { !isDigit($0) && $0 != "©" }))
        holder = holder.replacingOccurrences(of: "(c)", with: "", options: .caseInsensitive)
        let trimSet = " \t\n-–—,.;:()©/"
        while let first = holder.first, trimSet.contains(first) { holder.removeFirst() }
        while let last = holder.last, trimSet.contains(last) { holder.removeLast() }
        return CopyrightDetail(year: year, holder: holder.isEmpty ? nil : holder)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
}
