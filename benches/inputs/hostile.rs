//! The hostile inputs of issue 8, shared by `benches/adversarial.rs` (time against ordinary
//! text of the same size) and `tests/adversarial.rs` (correctness at a smaller scale).
//! Every text is generated here; the ordinary text is the golden articles written for the
//! project.

#![allow(dead_code)] // each includer uses its part

/// The hostile inputs, each at the size the issue names (bytes are approximate).
pub fn inputs(scale: usize) -> Vec<(&'static str, String)> {
    let mb = 1024 * 1024 / scale;
    vec![
        (
            "10 MB of quote marks",
            cycle("\"\u{201C}\u{201D}'\u{2018}\u{2019}«»", 10 * mb),
        ),
        ("one 5 MB paragraph, no punctuation", no_punctuation(5 * mb)),
        ("100,000 distinct capitalised names", names(100_000 / scale)),
        ("quotes nested 10,000 deep", nested(10_000 / scale)),
        (
            "1 MB of combining marks",
            cycle("e\u{301}\u{302}\u{303}\u{304}\u{305}", mb),
        ),
        ("mixed right-to-left and left-to-right", mixed_rtl(mb)),
        (
            "NUL bytes and replacement characters",
            cycle("\0\u{FFFD}\0 said \"\0\"", mb),
        ),
    ]
}

/// Issue 16's shapes: many candidates in one "sentence" with no full stop (quotations side by
/// side in every style, CSV rows, JSON on one line, a run of attributions), each `unit`
/// repeated. Before the bounds on the search around a quotation and on a reported clause,
/// each was quadratic in time, and the attributions in output too.
pub const SHAPES: &[(&str, &str)] = &[
    ("\"x\" side by side", "\"x\" "),
    ("curly quotes side by side", "\u{201C}x\u{201D} "),
    ("single quotes side by side", "'x' "),
    ("an unclosed mark, repeated", "\"x "),
    ("nested marks", "\"a 'b' c\" "),
    ("the \"x\"", "the \"x\" "),
    ("\"x\" who", "\"x\" who "),
    ("CSV rows", "\"a\",\"b\",\"c\"\n"),
    ("JSON on one line", "{\"k\":\"v\"},"),
    ("he said", "he said "),
    ("Smith said", "Smith said "),
    ("Jones said that", "Jones said that "),
    ("Smith told reporters that", "Smith told reporters that "),
    ("according to x", "according to x "),
    ("Smith: \"x\"", "Smith: \"x\" "),
    ("\"x\" - he said -", "\"x\" \u{2014} he said \u{2014} "),
    ("names and commas", "Anna Berg, "),
];

/// More units for the sweep: quotations that end sentences or paragraphs, Title Case, runs of
/// names, cues and relative words, every quote style, stray and unclosed marks, markup.
pub const MORE_UNITS: &[(&str, &str)] = &[
    ("\"x.\" sentences", "\"x.\" "),
    ("Word \"x.\"", "Word \"x.\" "),
    ("Title Case quotes", "\"Big Red Plan\" "),
    ("\"X,\" he said.", "\"X,\" he said. "),
    ("\"x\" said Smith,", "\"x\" said Smith, "),
    ("said \"x\"", "said \"x\" "),
    ("as \"x\"", "as \"x\" "),
    ("called \"x\"", "called \"x\" "),
    ("\"x\" and \"y\"", "\"x\" and \"y\" "),
    ("Anna Berg said \"x.\"", "Anna Berg said \"x.\" "),
    ("guillemets", "\u{AB}x\u{BB} "),
    ("low-high quotes", "\u{201E}x\u{201C} "),
    ("an unclosed single mark", "'x "),
    ("a stray closing mark", "x\" "),
    ("mixed marks", "\"x ' \u{201C}y "),
    ("short sentences", "It is. "),
    ("abbreviations", "Mr. Smith of the U.S. "),
    ("parentheses", "(x) "),
    ("an acronym in parentheses", "Smith (WHO) "),
    ("dashes", "\u{2014} "),
    ("he said:", "he said: "),
    ("the Smith said", "the Smith said "),
    ("Smith and Jones said", "Smith and Jones said "),
    ("she told him he said", "she told him he said "),
    ("who said", "who said "),
    ("that", "that "),
    ("commas", ", "),
    ("names in sentences", "Ann Lee. "),
    ("HTML-like markup", "<a href=\"x\">y</a> "),
    ("a quotation a line", "\"x\"\n"),
    ("unclosed quotations over paragraphs", "\"x\n\n"),
    ("pronoun speakers", "\"x,\" she said. He said \"y.\" "),
    ("titles and names", "President Anna Berg, "),
    ("spaced capitals", "Big Red "),
    ("possessives", "Iran's "),
    ("a list of numbers", "12, "),
    // (a list with no space: the rule of names in a list once read back to the text's
    // start from every name, found in the eleventh session)
    ("names and commas, no space", "Berg,Lund,"),
];

/// How each unit of the sweep is laid out: on one line; that line, then a short paragraph;
/// a headline, then the line.
pub const LAYOUTS: &[&str] = &["one line", "then a paragraph", "after a headline"];

/// Issue 16's sweep: every unit of [`SHAPES`] and [`MORE_UNITS`] in every layout of
/// [`LAYOUTS`], at about `bytes` bytes each.
pub fn sweep(bytes: usize) -> Vec<(String, String)> {
    // (the reference: news text grows the work linearly, so its ratio is what the machine's
    // caches make of linear work)
    let mut out = vec![("ordinary news text".to_string(), ordinary(bytes))];
    for &(name, unit) in SHAPES.iter().chain(MORE_UNITS) {
        let line = unit.repeat(bytes / unit.len() + 1);
        for &layout in LAYOUTS {
            let text = match layout {
                "one line" => line.clone(),
                "then a paragraph" => format!("{line}\n\nThe talks ended on Friday."),
                _ => format!("Talks end\n\n{line}"),
            };
            out.push((format!("{name}, {layout}"), text));
        }
    }
    out
}

/// `n` capitalised names, all of the same length, whose FNV-1a hashes as a `HashSet<&str>`
/// takes them (the bytes, then 0xff) agree in their low 17 bits: the bits that place a key
/// in a table of up to 131,072 slots (room for 114,000 keys), so that with FNV every name
/// lands on one probe chain. Built the way an attacker would, offline: the low k bits of FNV-1a's state depend
/// only on its low k bits and the byte, so from a state, the four-letter blocks that lead
/// to one same next state are interchangeable, and a name is one choice of block per step.
pub fn colliding_names(n: usize) -> Vec<String> {
    const MASK: u64 = (1 << 17) - 1;
    const PRIME: u64 = 0x0100_0000_01b3;
    let step = |mut h: u64, block: &[u8]| {
        for &b in block {
            h = (h ^ u64::from(b)).wrapping_mul(PRIME) & MASK;
        }
        h
    };
    let letters = |k: usize, capital: bool| -> [u8; 4] {
        let mut b = [0; 4];
        let mut k = k;
        for (i, c) in b.iter_mut().enumerate() {
            *c = if i == 0 && capital { b'A' } else { b'a' } + (k % 26) as u8;
            k /= 26;
        }
        b
    };
    // the steps: at each, every block leading from the state to the commonest next state
    let mut state = 0xcbf2_9ce4_8422_2325 & MASK;
    let mut steps: Vec<Vec<[u8; 4]>> = Vec::new();
    let mut count = 1usize;
    while count < n {
        let capital = steps.is_empty();
        let mut next: std::collections::HashMap<u64, Vec<[u8; 4]>> = Default::default();
        for k in 0..26usize.pow(4) {
            let block = letters(k, capital);
            next.entry(step(state, &block)).or_default().push(block);
        }
        let (to, blocks) = next
            .into_iter()
            .max_by_key(|(to, blocks)| (blocks.len(), std::cmp::Reverse(*to)))
            .expect("blocks");
        state = to;
        count = count.saturating_mul(blocks.len());
        steps.push(blocks);
    }
    // the names: every choice of one block per step, the first `n` of them
    let mut names = Vec::with_capacity(n);
    for mut k in 0..n {
        let mut name = Vec::with_capacity(4 * steps.len());
        for blocks in &steps {
            name.extend_from_slice(&blocks[k % blocks.len()]);
            k /= blocks.len();
        }
        names.push(String::from_utf8(name).expect("letters"));
    }
    names
}

/// `n` capitalised names of `len` random letters: the shape of [`colliding_names`].
pub fn random_names(n: usize, len: usize) -> Vec<String> {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut letter = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % 26) as u8
    };
    (0..n)
        .map(|_| {
            let name: Vec<u8> = (0..len)
                .map(|i| if i == 0 { b'A' } else { b'a' } + letter())
                .collect();
            String::from_utf8(name).expect("letters")
        })
        .collect()
}

/// A text listing `names` in one sentence: each a capitalised word inside a sentence, so
/// that every one goes into the table of words capitalised mid-sentence.
pub fn listing(names: &[String]) -> String {
    format!("The list named {}.", names.join(", "))
}

/// Each of [`SHAPES`] repeated to about `bytes` bytes.
pub fn shapes(bytes: usize) -> Vec<(&'static str, String)> {
    SHAPES
        .iter()
        .map(|&(name, unit)| (name, unit.repeat(bytes / unit.len() + 1)))
        .collect()
}

/// `unit` repeated to about `bytes` bytes.
fn cycle(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len() + 1)
}

/// Lower-case words with single spaces: no sentence ends, no paragraph ends.
fn no_punctuation(bytes: usize) -> String {
    let words = [
        "the", "council", "said", "that", "harbour", "plans", "would", "change",
    ];
    let mut out = String::with_capacity(bytes + 16);
    let mut i = 0usize;
    while out.len() < bytes {
        out.push_str(words[i % words.len()]);
        out.push(' ');
        i = i.wrapping_mul(31).wrapping_add(7);
    }
    out
}

/// `n` different capitalised two-word names, most sharing their last word, each in a short
/// sentence with a cue, so that every name is a candidate speaker and actor, and a pronoun
/// speaker after every other name.
fn names(n: usize) -> String {
    const SYLLABLES: [&str; 16] = [
        "al", "be", "cor", "da", "el", "fin", "ga", "hul", "is", "jo", "ka", "lem", "mo", "nar",
        "os", "pe",
    ];
    let word = |mut k: usize| {
        let mut w = String::new();
        for _ in 0..3 {
            w.push_str(SYLLABLES[k % 16]);
            k /= 16;
        }
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    let mut out = String::new();
    for i in 0..n {
        let (first, last) = (word(i % 4096), word(i / 4096 + 7));
        out.push_str(&format!("{first} {last} said the plan would work. "));
        if i % 2 == 1 {
            out.push_str("She added that it was late. ");
        }
        if i % 8 == 7 {
            out.push_str("\n\n");
        }
    }
    out
}

/// Quotations inside quotations, `depth` deep, alternating the mark families, then closed.
fn nested(depth: usize) -> String {
    let opens = ["\u{201C}", "\u{2018}", "\"", "'", "«"];
    let closes = ["\u{201D}", "\u{2019}", "\"", "'", "»"];
    let mut out = String::from("The mayor said ");
    for d in 0..depth {
        out.push_str(opens[d % 5]);
        out.push_str("we said ");
    }
    out.push_str("enough");
    for d in (0..depth).rev() {
        out.push_str(closes[d % 5]);
    }
    out.push_str(", she said.");
    out
}

/// News sentences in English with Arabic and Hebrew names and quotations, and bidirectional
/// control characters.
fn mixed_rtl(bytes: usize) -> String {
    cycle(
        "\u{201C}\u{645}\u{631}\u{62D}\u{628}\u{627} \u{628}\u{627}\u{644}\u{639}\u{627}\u{644}\u{645},\u{201D} \
         said \u{202B}\u{5E9}\u{5DC}\u{5D5}\u{5DD}\u{202C} Cohen, the mayor of \u{5D7}\u{5D9}\u{5E4}\u{5D4}. \
         \u{2067}\u{627}\u{644}\u{648}\u{632}\u{64A}\u{631}\u{2069} told reporters the talks \u{200F}would go on\u{200E}.\n\n",
        bytes,
    )
}

/// Ordinary text: the golden articles, repeated and cut to `bytes` (on a character boundary).
pub fn ordinary(bytes: usize) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut base = String::new();
    for name in ["harbour-strike", "council-vote", "summit"] {
        let path = dir.join(format!("{name}.txt"));
        base.push_str(&std::fs::read_to_string(path).expect("the golden articles"));
        base.push_str("\n\n");
    }
    let mut text = base.repeat(bytes / base.len() + 1);
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}
