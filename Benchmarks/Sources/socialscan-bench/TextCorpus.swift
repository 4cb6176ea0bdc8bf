import ScanTestSupport

/// Writes a large, reproducible plain-text corpus for the detect benchmark: school-news prose,
/// at least a quarter French with accents, typographic quotes and dashes, about one capitalised
/// name every 50 words and about one copyright rule hit every 2 KB. One paragraph per line.
struct TextCorpus {
    private var random: SplitMixRandom

    init(seed: UInt64) {
        random = SplitMixRandom(seed: seed)
    }

    private static let english = """
        the students our school grade class team concert science fair library week field trip families \
        volunteers thank you everyone practice season tournament coach music art project reading club \
        parents council lunch menu spring winter assembly award congratulations gallery community
        """.split(separator: " ").map(String.init)
    private static let french = """
        les élèves notre école année classe équipe concert fête de la science bibliothèque sortie \
        familles bénévoles merci à tous répétition saison tournoi entraîneur musique théâtre projet \
        lecture conseil dîner printemps hiver assemblée félicitations galerie communauté été
        """.split(separator: " ").map(String.init)
    private static let names = ["Maya Okafor", "Liam Tremblay", "Chloé Gagnon", "Noah Kaur", "Zoé Bélanger", "Arjun Singh", "Élodie Roy", "Mateo Cruz"]
    private static let hits = [
        "Photo © 2025 Prairie Sky Photography.", "Tous droits réservés.", "All rights reserved.",
        "Photo: Jordan Vale Photography.", "Image: Getty Images.", "Reproduite avec la permission des Éditions du Lac.",
        "Licensed under CC BY-SA 4.0.", "Copyright 2024 Harbour Light Studio.", "Musique : « Aube » par Aurora Sound Co.",
    ]

    /// Words and phrases that trigger rules without being findings, about one per kilobyte.
    private static let nearMisses = [
        "photo day", "music class", "permission slip", "seats are reserved", "copyright workshop",
        "places réservées", "musique en classe", "photos de classe", "droit d'auteur", "stock of supplies",
    ]

    mutating func text(megabytes: Int) -> [UInt8] {
        let target = megabytes * 1_048_576
        var out: [UInt8] = []
        out.reserveCapacity(target + 4096)
        var sinceHit = 0
        while out.count < target {
            let french = random.next() % 3 == 0
            var paragraph = ""
            for index in 0..<(150 + Int(random.next() % 100)) {
                if index > 0 { paragraph += " " }
                if random.next() % 50 == 0 {
                    paragraph += Self.names[Int(random.next() % UInt64(Self.names.count))]
                } else if random.next() % 170 == 0 {
                    paragraph += Self.nearMisses[Int(random.next() % UInt64(Self.nearMisses.count))]
                } else if random.next() % 40 == 0 {
                    paragraph += french ? "« \(word(french)) » —" : "“\(word(french))” –"
                } else {
                    paragraph += word(french)
                }
            }
            sinceHit += paragraph.utf8.count
            if sinceHit >= 2048 {
                paragraph += " " + Self.hits[Int(random.next() % UInt64(Self.hits.count))]
                sinceHit = 0
            }
            out += Array((paragraph + ".\n").utf8)
        }
        return out
    }

    private mutating func word(_ french: Bool) -> String {
        let words = french ? Self.french : Self.english
        return words[Int(random.next() % UInt64(words.count))]
    }
}

/// The bench's own copy of SplitMix64 (the shared one lives in the test-support library).
typealias SplitMixRandom = SplitMix64
