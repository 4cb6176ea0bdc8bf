import ScanCore

/// Reads the dates feeds write (RFC 822 and RFC 3339, with common sloppiness) into RFC 3339 UTC.
///
/// Pure Swift on purpose: `DateFormatter` depends on locale data and is slow per call.
public enum DateParser {
    /// The date `raw` stands for, normalised; `rfc3339` is nil when it could not be read.
    public static func parse(_ raw: String) -> ItemDate {
        let trimmed = raw.trimmingWhitespace()
        let seconds = rfc3339(trimmed) ?? rfc822(trimmed)
        return ItemDate(rfc3339: seconds.map(format), raw: raw)
    }

    /// Seconds since 1970 for `2025-03-14T09:30:00.5+01:00` (`T` or space; `Z` or an offset).
    static func rfc3339(_ text: String) -> Int? {
        var scanner = DateScanner(text)
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
            let month = scanner.number(digits: 2), scanner.skip("-"),
            let day = scanner.number(digits: 2)
        else { return nil }
        guard scanner.skip("T") || scanner.skip("t") || scanner.skip(" ") else {
            return scanner.atEnd ? epoch(year, month, day, 0, 0, 0, offset: 0) : nil
        }
        guard let hour = scanner.number(digits: 2), scanner.skip(":"),
            let minute = scanner.number(digits: 2)
        else { return nil }
        let second = scanner.skip(":") ? scanner.number(digits: 2) ?? 0 : 0
        if scanner.skip(".") { scanner.skipDigits() }
        let offset = scanner.zoneOffset() ?? 0
        return epoch(year, month, day, hour, minute, second, offset: offset)
    }

    /// Seconds since 1970 for `Tue, 10 Jun 2003 04:00:00 GMT` and its usual variants.
    static func rfc822(_ text: String) -> Int? {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        if let first = words.first, first.first?.isLetter == true, monthNumber(first) == nil {
            words.removeFirst()
        }
        // RFC 850 writes the date as one word: 06-May-25.
        if let first = words.first, first.split(separator: "-").count == 3 {
            words.replaceSubrange(0...0, with: first.split(separator: "-").map(String.init))
        }
        guard words.count >= 3 else { return nil }
        var (dayWord, monthWord) = (words[0], words[1])
        if monthNumber(dayWord) != nil { swap(&dayWord, &monthWord) }
        guard let day = Int(dayWord), let month = monthNumber(monthWord), var year = Int(words[2])
        else { return nil }
        if year < 100 { year += year < 50 ? 2000 : 1900 }
        var hour = 0, minute = 0, second = 0, offset = 0
        if words.count >= 4 {
            let parts = words[3].split(separator: ":").compactMap { Int($0) }
            guard parts.count >= 2 else { return nil }
            (hour, minute) = (parts[0], parts[1])
            second = parts.count > 2 ? parts[2] : 0
        }
        if words.count >= 5 {
            var scanner = DateScanner(words[4])
            offset = scanner.zoneOffset() ?? namedZoneOffset(words[4]) ?? 0
        }
        return epoch(year, month, day, hour, minute, second, offset: offset)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func monthNumber(_ word: String) -> Int? {
        let prefix = word.prefix(3).lowercased()
        return months.firstIndex(of: prefix).map { $0 + 1 }
    }

    private static func namedZoneOffset(_ zone: String) -> Int? {
        let hours: [String: Int] = [
            "UT": 0, "GMT": 0, "UTC": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
            "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
        ]
        return hours[zone.uppercased()].map { $0 * 3600 }
    }

    /// Seconds since 1970 for a civil date and time at `offset` seconds east of UTC.
    static func epoch(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int, offset: Int) -> Int? {
        guard (1...12).contains(m), (1...31).contains(d), (0...23).contains(h), (0...59).contains(mi),
            (0...60).contains(s), (1...9999).contains(y)
        else { return nil }
        // Days from civil (H. Hinnant's algorithm), proleptic Gregorian calendar.
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return days * 86_400 + h * 3600 + mi * 60 + s - offset
    }

    /// RFC 3339 UTC text for seconds since 1970.
    static func format(_ seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ n: Int, _ width: Int = 2) -> String {
            let text = String(n)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(rest / 3600)):\(pad(rest % 3600 / 60)):\(pad(rest % 60))Z"
    }
}

/// A cursor over the characters of a date string.
struct DateScanner {
    private let chars: [Character]
    private var position = 0

    init(_ text: String) {
        chars = Array(text)
    }

    var atEnd: Bool { position >= chars.count }

    mutating func skip(_ char: Character) -> Bool {
        guard position < chars.count, chars[position] == char else { return false }
        position += 1
        return true
    }

    mutating func number(digits: Int) -> Int? {
        guard position + digits <= chars.count else { return nil }
        var value = 0
        for char in chars[position..<position + digits] {
            guard let digit = char.wholeNumberValue, char.isASCII else { return nil }
            value = value * 10 + digit
        }
        position += digits
        return value
    }

    mutating func skipDigits() {
        while position < chars.count, chars[position].isASCII, chars[position].isNumber { position += 1 }
    }

    /// `Z`, `+hh:mm`, `-hhmm` or `+hh`: seconds east of UTC; nil when none is here.
    mutating func zoneOffset() -> Int? {
        if skip("Z") || skip("z") { return 0 }
        let sign: Int
        if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
        guard let hours = number(digits: 2) else { return nil }
        _ = skip(":")
        let minutes = number(digits: 2) ?? 0
        return sign * (hours * 3600 + minutes * 60)
    }
}

extension String {
    /// The string without leading and trailing white space.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
