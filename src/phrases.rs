//! Speaker phrases: finding the noun phrase that names a speaker next to a cue.
//!
//! Reading from a cue outwards: the phrase before it (`Foreign Minister Zarif had said`,
//! with appositions, party labels and relative pronouns), after it in inverted order
//! (`said Jane Smith, the mayor`), between a quotation and its cue (`"…," Smith, the mayor,
//! said`), and the subject of a sentence. Descriptions give way to the name they describe.

use crate::doc::{Cue, Doc};
use crate::lexicon::{ascii_lower, Predicate, Word};
use crate::span::Span;

/// How far back from a cue an apposition is looked for, in tokens.
const APPOSITION_WINDOW: usize = 60;

/// A verb cue (or "according to") that starts at token `i`; adjuncts alone are no cue.
pub(crate) fn cue_at(doc: &Doc, i: usize) -> Option<Cue> {
    doc.cue_at_token(i).filter(Cue::reports_words)
}
/// The longest speaker phrase, in tokens.
pub(crate) const MAX_SPEAKER: usize = 9;

/// Words that end a speaker phrase when reading away from the cue.
pub(crate) fn is_boundary_word(w: &str) -> bool {
    matches!(
        &*ascii_lower(w, &mut Word::new()),
        "that"
            | "which"
            | "who"
            | "whom"
            | "and"
            | "but"
            | "or"
            | "nor"
            | "when"
            | "as"
            | "while"
            | "because"
            | "if"
            | "after"
            | "before"
            | "since"
            | "though"
            | "although"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "from"
            | "by"
            | "than"
            | "so"
            | "where"
            | "what"
            | "then"
            | "said"
            | "says"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "it's"
            | "about"
            | "into"
            | "over"
            | "under"
            | "during"
            | "until"
            | "against"
            | "not"
            | "also"
            | "yet"
            | "once"
            | "just"
            | "only"
            | "even"
    )
}

/// Words between a speaker and its cue that belong to neither ("Trump again vowed").
/// A lower-case adverb in -ly (`repeatedly`, `forcefully`), not one of the nouns that end
/// so: "The family said" has its subject right before the verb.
pub(crate) fn is_ly_adverb(w: &str) -> bool {
    w.len() > 4
        && w.ends_with("ly")
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !matches!(
            w,
            "family"
                | "assembly"
                | "supply"
                | "rally"
                | "reply"
                | "ally"
                | "bully"
                | "monopoly"
                | "anomaly"
                | "homily"
                | "folly"
                | "tally"
        )
}

pub(crate) fn is_skippable(w: &str) -> bool {
    // adverbs in -ly: "forcefully told", "repeatedly said"
    is_ly_adverb(w)
        || w.ends_with("n't")
        || w.ends_with("n\u{2019}t")
        || matches!(
            &*ascii_lower(w, &mut Word::new()),
            "has"
                | "have"
                | "had"
                | "also"
                | "again"
                | "previously"
                | "then"
                | "later"
                | "once"
                | "repeatedly"
                | "recently"
                | "reportedly"
                | "would"
                | "will"
                | "could"
                | "did"
                | "does"
                | "do"
                | "not"
                | "never"
                | "earlier"
                | "further"
                | "flatly"
                | "publicly"
                | "privately"
                | "simply"
                | "quickly"
                | "initially"
                | "first"
                | "finally"
                | "often"
                | "always"
                | "still"
                | "already"
                | "now"
                | "even"
                | "is"
                | "was"
                | "were"
                | "are"
                | "might"
                | "may"
                | "can"
                | "should"
                | "must"
                | "just"
                // ("have long argued", "have since claimed": adverbs before the participle)
                | "long"
                | "since"
        )
}

pub(crate) fn is_weekday_or_time(w: &str) -> bool {
    matches!(
        w,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "today"
            | "yesterday"
            | "Today"
            | "Yesterday"
            | "Tonight"
            | "tonight"
    )
}

/// A number written as a word, or "a" before a unit ("a week ago").
fn is_number_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "several"
            | "few"
    )
}

/// The name of a day of the week.
pub(crate) fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

/// A part of the day after a day's name: "said Friday afternoon".
pub(crate) fn is_time_of_day(w: &str) -> bool {
    matches!(w, "morning" | "afternoon" | "evening" | "night")
}

pub(crate) fn is_month(w: &str) -> bool {
    matches!(
        w,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan."
            | "Feb."
            | "Aug."
            | "Sept."
            | "Oct."
            | "Nov."
            | "Dec."
    )
}

/// The subject at the start of a sentence: `Farrow ruled out …, but said …` → `Farrow`.
pub(crate) fn sentence_subject(doc: &Doc, sentence: usize) -> Option<Span> {
    let s = doc.seg.sentences[sentence];
    let mut i = dateline_end(doc, s.first_token, s.end_token);
    if i >= s.end_token {
        return None; // a dateline and nothing after it
    }
    // An opening adverbial up to its comma: "In September, Khamenei said …", "Later, …".
    let adverb = matches!(
        doc.tok(i),
        "Later"
            | "Earlier"
            | "Meanwhile"
            | "However"
            | "Still"
            | "Instead"
            | "Yesterday"
            | "Today"
            | "Afterwards"
            | "Separately"
            | "Then"
            | "Now"
            | "Also"
    ) || doc.tok(i).ends_with("ly")
        && doc.tok(i).chars().next().is_some_and(char::is_uppercase);
    // ("Asked whether …, Smith said", "According to the poll, …", "Last week, …": the
    // subject follows the adjunct's comma; with no comma there is none to find.)
    if crate::speaker_form::opens_adjunct(doc, i, s.end_token) {
        i = crate::speaker_form::after_adjunct(doc, i, s.end_token)?;
    } else if doc.is_word(i) && (is_boundary_word(doc.tok(i)) || adverb) {
        if let Some(c) = (i..(i + 7).min(s.end_token)).find(|&k| doc.tok(k) == ",") {
            i = c + 1;
        }
    }
    while i < s.end_token
        && (!doc.is_word(i) || matches!(doc.tok(i), "But" | "And" | "So" | "Yet" | "However"))
    {
        i += 1;
    }
    subject_at(doc, s, i)
}

/// One past the dateline that opens a story at token `i` (`WASHINGTON, Dec. 8 (UPI) —`,
/// `BEIRUT —`): a place in capitals, then up to ten tokens with no verb to a dash; else `i`.
pub(crate) fn dateline_end(doc: &Doc, i: usize, end: usize) -> usize {
    let shouted = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() > 1 && !w.chars().any(char::is_lowercase)
    };
    if i >= end || !doc.is_word(i) || !shouted(doc.tok(i)) {
        return i;
    }
    (i + 1..(i + 12).min(end))
        .find(|&k| is_dash(doc.tok(k)) || doc.tok(k) == "-")
        .filter(|&k| (i..k).all(|j| cue_at(doc, j).is_none()))
        .map_or(i, |k| {
            let mut k = k;
            while k < end && (is_dash(doc.tok(k)) || doc.tok(k) == "-") {
                k += 1;
            }
            k
        })
}

/// The subject that starts at token `i` of sentence `s`, if a noun phrase starts there.
fn subject_at(doc: &Doc, s: crate::segment::Sentence, mut i: usize) -> Option<Span> {
    if i >= s.end_token || !starts_noun_phrase(doc, i) {
        return None;
    }
    let start = i;
    let mut determiner = matches!(
        &*ascii_lower(doc.tok(i), &mut Word::new()),
        "the" | "a" | "an" | "his" | "her" | "their" | "its"
    );
    i += 1;
    while i < s.end_token && i - start < MAX_SPEAKER && doc.is_word(i) && cue_at(doc, i).is_none() {
        // ("Hillary Clinton's right-hand woman": a possessor is a determiner to the noun
        // phrase after it)
        let p = doc.tok(i - 1);
        determiner |= p.ends_with("'s") || p.ends_with("\u{2019}s");
        let w = doc.tok(i);
        // ("the governor went after …": a role or body noun ends the phrase before a word
        // that is neither another nor "of")
        let role = |k: usize| {
            let mut buf = Word::new();
            let lower = ascii_lower(doc.tok(k), &mut buf);
            doc.lexicon.is_title(&lower) || doc.lexicon.is_organisation_word(&lower)
        };
        let fits = if determiner {
            // (a name after a title goes on: "Labour's Shadow Home Secretary Yvette Cooper")
            let ends_role = role(i - 1) && w != "of" && !role(i) && !is_capitalised(w);
            !(is_boundary_word(w)
                || is_skippable(w)
                || is_past_form(doc, i, s.end_token)
                || ends_role)
        } else {
            is_capitalised(w) || w == "of" && i + 1 < s.end_token && is_capitalised(doc.tok(i + 1))
        };
        if !fits {
            break;
        }
        i += 1;
    }
    Some(Span::new(
        doc.token(start).span.start,
        doc.token(i - 1).span.end,
    ))
}

/// Whether token `i`, after a determiner, is a verb in -ed that ends the subject ("the
/// council voted"), not a capitalised word of a name going on ("The United Nations Security
/// Council", "the Red Cross") or ending it ("His father Mohamed El-Hassan Mohamed said").
fn is_past_form(doc: &Doc, i: usize, end: usize) -> bool {
    let w = doc.tok(i);
    if !w.ends_with("ed") {
        return false;
    }
    let name_goes_on = i + 1 < end
        && doc.is_word(i + 1)
        && is_capitalised(doc.tok(i + 1))
        && !matches!(doc.tok(i + 1), "The" | "A" | "An");
    // ("Mohamed El-Hassan Mohamed said": the last word of a name)
    let name_ends = i > 0 && doc.is_word(i - 1) && is_capitalised(doc.tok(i - 1));
    !(is_capitalised(w) && (name_goes_on || name_ends))
}

/// `X ruled it out, but said …`: a cue coordinated with an earlier verb has its subject.
pub(crate) fn coordinated_subject(doc: &Doc, cue: usize) -> Option<Span> {
    let mut k = cue;
    while k > 0 && doc.is_word(k - 1) && is_skippable(doc.tok(k - 1)) {
        k -= 1;
    }
    let conj = k.checked_sub(1)?;
    if !matches!(doc.tok(conj), "and" | "but") {
        return None;
    }
    // "Though she called it "outrageous" and called for …, Clinton restricted …": a cue
    // inside an opening adverbial clause has the clause's own subject
    let s = doc.seg.sentences[doc.token(cue).sentence()];
    if crate::speaker_form::opens_adverbial_clause(doc.tok(s.first_token))
        && crate::speaker_form::after_adjunct(doc, s.first_token, s.end_token)
            .is_some_and(|after| after > cue)
    {
        return subject_at(doc, s, s.first_token + 1);
    }
    sentence_subject(doc, doc.token(cue).sentence())
}

pub(crate) fn is_quote_mark(t: &str) -> bool {
    matches!(
        t,
        "\"" | "\u{201C}" | "\u{201D}" | "\u{AB}" | "\u{BB}" | "\u{201E}"
    )
}

pub(crate) fn is_capitalised(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// A proper name: capitalised words (with "of" or "de" inside), no article first.
pub(crate) fn is_name(doc: &Doc, from: usize, to: usize) -> bool {
    from < to
        && !matches!(
            &*ascii_lower(doc.tok(from), &mut Word::new()),
            "the" | "a" | "an"
        )
        && (from..to).all(|i| {
            let w = doc.tok(i);
            doc.is_word(i)
                && (is_capitalised(w)
                    || (i > from && matches!(w, "of" | "de" | "al" | "bin" | "van" | "von")))
        })
}

/// `the environmental group Blue Current` → `Blue Current`: a description before a name
/// gives way to the name (capitalised titles stay: `Iran's UN Ambassador Majid Ravanchi`).
pub(crate) fn name_core(doc: &Doc, from: usize, to: usize) -> usize {
    let mut k = to;
    while k > from && doc.is_word(k - 1) && is_capitalised(doc.tok(k - 1)) {
        k -= 1;
    }
    if k < to && k > from && doc.is_word(k - 1) && !matches!(doc.tok(k - 1), "of" | "de" | "for") {
        let w = doc.tok(k - 1);
        if w.chars().next().is_some_and(char::is_lowercase) && !matches!(w, "the" | "a" | "an") {
            return k;
        }
    }
    from
}

/// The words between a quote and its cue: `Smith`, `Smith, the mayor,`, `, she`.
pub(crate) fn noun_phrase_between(doc: &Doc, from: usize, cue: usize) -> Option<Span> {
    // Drop what stands between speaker and cue ("had", "again", "on Thursday").
    let mut end = cue;
    while end > from {
        let w = doc.tok(end - 1);
        if doc.is_word(end - 1) && is_skippable(w) {
            end -= 1;
        } else if end - from >= 2
            && is_weekday_or_time(w)
            && doc.tok(end - 2).eq_ignore_ascii_case("on")
        {
            end -= 2;
        } else if doc.is_word(end - 1) && is_weekday_or_time(w) {
            end -= 1;
        } else {
            break;
        }
    }
    // Comma-separated pieces: the speaker is the first piece that starts a noun phrase,
    // or a name in apposition right after it ("Her rival, Tom Gill, said").
    let pieces = comma_pieces(doc, from, end);
    let mut found = None;
    for (n, &(a, b)) in pieces.iter().enumerate() {
        // "team member Rodaba Noori told": a lowercase description before a name.
        let described_name = b > a + 1
            && doc.is_word(a)
            && !is_boundary_word(doc.tok(a))
            && (a..b).all(|k| doc.is_word(k))
            && is_capitalised(doc.tok(b - 1));
        // ("Jeffrey Lewis of the James Martin Center for Nonproliferation Studies wrote": a
        // name with a modifier longer than a speaker phrase is the name before its "of")
        let b = if b - a > MAX_SPEAKER {
            name_before_of(doc, a, b).unwrap_or(b)
        } else {
            b
        };
        if b > a && (starts_noun_phrase(doc, a) || described_name) && (b - a) <= MAX_SPEAKER {
            let last = trim_trailing(doc, a, b);
            if last > a {
                found = Some((n, a, last));
                break;
            }
        }
    }
    let (n, a, b) = found?;
    let (a, b) = prefer_apposed_name(doc, &pieces, n, a, b);
    let a = name_core(doc, a, b);
    Some(Span::new(
        doc.token(a).span.start,
        doc.token(b - 1).span.end,
    ))
}

pub(crate) fn comma_pieces(doc: &Doc, from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut pieces = Vec::new();
    let mut a = from;
    for k in from..to {
        if doc.tok(k) == "," {
            pieces.push((a, k));
            a = k + 1;
        }
    }
    pieces.push((a, to));
    pieces
}

/// When a description has a name in apposition (`Her rival, Tom Gill,`), the name.
pub(crate) fn prefer_apposed_name(
    doc: &Doc,
    pieces: &[(usize, usize)],
    n: usize,
    a: usize,
    b: usize,
) -> (usize, usize) {
    if is_name(doc, a, b) {
        return (a, b);
    }
    match pieces.get(n + 1) {
        Some(&(c, d)) if d - c <= 5 && is_name(doc, c, d) => (c, d),
        _ => (a, b),
    }
}

pub(crate) fn trim_trailing(doc: &Doc, from: usize, mut to: usize) -> usize {
    while to > from && (!doc.is_word(to - 1) || is_boundary_word(doc.tok(to - 1))) {
        to -= 1;
    }
    to
}

pub(crate) fn starts_noun_phrase(doc: &Doc, i: usize) -> bool {
    if !doc.is_word(i) {
        return false;
    }
    let w = doc.tok(i);
    (is_capitalised(w) && !is_boundary_word(w))
        || is_plural_noun(doc, i)
        || is_quantity(w)
        || doc
            .lexicon
            .is_predicate_word(Predicate::PhraseStart, &ascii_lower(w, &mut Word::new()))
}

/// A lower-case plural noun for people ([`is_people_plural`]) that opens a phrase of its
/// own: after a comma, a preposition or at the sentence start.
fn is_plural_noun(doc: &Doc, i: usize) -> bool {
    let w = doc.tok(i);
    let opens = i == 0 || !doc.is_word(i - 1) || is_boundary_word(doc.tok(i - 1));
    opens && is_people_plural(w) && cue_at(doc, i).is_none()
}

/// A lower-case plural noun for people, by the suffixes of agent and member nouns:
/// "donors", "economists", "residents", "employees" (not "protests", "statements").
fn is_people_plural(w: &str) -> bool {
    w.len() > 4
        && [
            "ers", "ors", "ists", "ysts", "ians", "ants", "ents", "ives", "als", "ees",
        ]
        .iter()
        .any(|s| w.ends_with(s))
        && !w.ends_with("ments")
        && w.bytes().all(|b| b.is_ascii_lowercase())
}

/// A number or share that opens a noun phrase of people counted: "42%", "46 percent of
/// voters", "three-quarters", "Seventy-four percent".
fn is_quantity(w: &str) -> bool {
    let digits = w.trim_end_matches('%');
    if !digits.is_empty()
        && digits.as_bytes()[0].is_ascii_digit()
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b',')
    {
        return true;
    }
    // (the words for numbers and shares start with these letters)
    if !w.starts_with([
        't', 'f', 's', 'e', 'n', 'o', 'h', 'q', 'T', 'F', 'S', 'E', 'N', 'O', 'H', 'Q',
    ]) || w.len() > 16
    {
        return false;
    }
    let mut buf = Word::new();
    let lower = ascii_lower(w, &mut buf);
    let tens = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let units = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    let shares = [
        "half", "halves", "third", "thirds", "quarter", "quarters", "fourths", "fifths",
    ];
    match lower.split_once('-') {
        Some((a, b)) => {
            (tens.contains(&a) || units.contains(&a)) && (units.contains(&b) || shares.contains(&b))
        }
        None => tens.contains(&&*lower) || units[1..].contains(&&*lower),
    }
}

/// `said Jane Smith, the mayor.` → `Jane Smith`; `according to the ministry` → `the ministry`;
/// `according to the transit director, Linda Marsh.` → `Linda Marsh`.
pub(crate) fn noun_phrase_after(doc: &Doc, cue: Cue, limit: usize) -> Option<Span> {
    noun_phrase_after_cue(doc, cue, limit, false)
}

/// `"…," said retired general Lloyd Newton` / `according to conservative host Rush
/// Limbaugh`: where only a speaker can follow the cue, any noun phrase may start there.
pub(crate) fn relaxed_noun_phrase_after(doc: &Doc, cue: Cue, limit: usize) -> Option<Span> {
    noun_phrase_after_cue(doc, cue, limit, true)
}

pub(crate) fn noun_phrase_after_cue(
    doc: &Doc,
    cue: Cue,
    limit: usize,
    relaxed: bool,
) -> Option<Span> {
    let mut i = doc.token_after(cue.span.end);
    // "said on Thursday": skip a time phrase
    if i + 1 < limit && doc.tok(i).eq_ignore_ascii_case("on") && is_weekday_or_time(doc.tok(i + 1))
    {
        i += 2;
    }
    let opens = i < limit
        && (starts_noun_phrase(doc, i)
            || relaxed
                && doc.is_word(i)
                && !is_boundary_word(doc.tok(i))
                && !is_preposition(doc.tok(i)));
    if !opens {
        return None;
    }
    let start = i;
    let mut end = i;
    while end < limit && end - start < MAX_SPEAKER {
        let w = doc.tok(end);
        if !doc.is_word(end) {
            break;
        }
        // (an auxiliary ends it: `said the candidate could win` is a clause, no speaker)
        if end > start
            && (is_boundary_word(w) && !(w == "of" && is_capitalised(doc.tok(end - 1)))
                || matches!(w, "familiar" | "close")
                || crate::reported::is_auxiliary(w))
        {
            break;
        }
        end += 1;
    }
    if end == start {
        return None;
    }
    // The phrase must end there: `said Smith.`, `said Smith, the mayor`, not `said the
    // attacks were …` (the subject of a reported clause).
    if !ends_phrase(doc, start, end) {
        // "said Stephen Vladeck of the University of Texas School of Law": a name with a
        // modifier longer than a speaker phrase runs is the name before its "of"
        return name_before_of(doc, start, end)
            .filter(|_| end - start == MAX_SPEAKER)
            .map(|k| Span::new(doc.token(start).span.start, doc.token(k - 1).span.end));
    }
    // A description followed by the name it describes, closing the sentence.
    if !is_name(doc, start, end) && end + 1 < limit.min(doc.seg.tokens.len()) && doc.tok(end) == ","
    {
        let mut k = end + 1;
        while k < doc.seg.tokens.len()
            && doc.is_word(k)
            && is_capitalised(doc.tok(k))
            && k - end <= 5
        {
            k += 1;
        }
        let closes = k >= doc.seg.tokens.len() || matches!(doc.tok(k), "." | "," | ";");
        if k > end + 1 && closes {
            return Some(Span::new(
                doc.token(end + 1).span.start,
                doc.token(k - 1).span.end,
            ));
        }
    }
    let start = name_core(doc, start, end);
    Some(Span::new(
        doc.token(start).span.start,
        doc.token(end - 1).span.end,
    ))
}

/// True when a speaker phrase `start..end` after its cue ends the clause: `said Smith.`,
/// `said Smith on Monday`, not `said the attacks were …`.
pub(crate) fn ends_phrase(doc: &Doc, start: usize, end: usize) -> bool {
    end >= doc.seg.tokens.len()
        || doc.token(end).sentence() != doc.token(start).sentence()
        || !doc.is_word(end)
        || is_weekday_or_time(doc.tok(end))
        || matches!(
            doc.tok(end),
            "on" | "in" | "at" | "during" | "after" | "before" | "to" | "for" | "via" | "while"
                // "said a former official who oversaw …": a relative clause on the speaker
                | "who" | "whose" | "whom"
                // "said a person with knowledge of …", "said two people familiar with …",
                // "said an official from …": a modifier of the speaker
                | "with" | "from" | "familiar" | "close" | "among" | "inside" | "within"
        )
}

/// `"…", says leader`: in the inverted order any noun may follow the cue (headline style).
pub(crate) fn bare_noun_after(doc: &Doc, cue: Cue, limit: usize) -> Option<Span> {
    let start = doc.token_after(cue.span.end);
    let mut end = start;
    while end < limit
        && end - start < 4
        && doc.is_word(end)
        && !is_boundary_word(doc.tok(end))
        && !crate::reported::is_auxiliary(doc.tok(end))
    {
        end += 1;
    }
    (end > start && ends_phrase(doc, start, end))
        .then(|| Span::new(doc.token(start).span.start, doc.token(end - 1).span.end))
}

/// The noun phrase ending right before cue token `cue`: `Foreign Minister Zarif had said`.
pub(crate) fn noun_phrase_before(doc: &Doc, cue: usize) -> Option<Span> {
    noun_phrase_ending_before(doc, cue, true)
}

/// [`noun_phrase_before`]; `adjuncts`: whether a phrase after a preposition may be read as
/// an adjunct or a modifier, with the subject before it (once: the subject found there is
/// read without it, so that "officials in officials in …" is no recursion as deep as the
/// text).
fn noun_phrase_ending_before(doc: &Doc, cue: usize, adjuncts: bool) -> Option<Span> {
    let sentence = doc.token(cue).sentence();
    let mut end = cue;
    while end > 0 && doc.token(end - 1).sentence() == sentence {
        let w = doc.tok(end - 1);
        if doc.is_word(end - 1) && is_skippable(w) {
            end -= 1;
        } else if doc.is_word(end - 1)
            && end == cue
            && doc.tok(cue).ends_with("ing")
            && crate::control::is_control_verb(w)
        {
            end -= 1; // "workers started saying": the verb that governs the participle
        } else if end >= 2 && is_weekday_or_time(w) && doc.tok(end - 2).eq_ignore_ascii_case("on") {
            end -= 2;
        } else if end >= 2 && is_weekday(w) && doc.is_word(end - 2) {
            end -= 1; // "Clinton Thursday said"
        } else if w == "ago" && end >= 3 {
            // "The ministry less than two weeks ago said": a distance in time, a number or
            // "a" and its unit, with "less than", "more than", "about" before them
            let mut k = end - 2; // the unit
            if k > 0
                && (doc.tok(k - 1).bytes().all(|b| b.is_ascii_digit())
                    || is_number_word(doc.tok(k - 1)))
            {
                k -= 1;
                while k >= 2 && matches!(doc.tok(k - 1), "than" | "about" | "nearly" | "almost") {
                    k -= if doc.tok(k - 1) == "than" { 2 } else { 1 };
                }
                end = k;
            } else {
                break;
            }
        } else if end >= 2
            && matches!(
                w,
                "week" | "month" | "year" | "weekend" | "morning" | "afternoon" | "evening"
            )
            && matches!(doc.tok(end - 2), "this" | "last" | "next" | "that")
        {
            end -= 2; // "Trump this week said"
        } else if end >= 2
            && w.chars().all(|c| c.is_ascii_digit())
            && matches!(doc.tok(end - 2), "in" | "since" | "by")
        {
            end -= 2; // "who in 2010 said"
        } else {
            break;
        }
    }
    // "42% say": a share of those asked
    if end >= 2
        && end <= cue
        && doc.tok(end - 1) == "%"
        && doc
            .tok(end - 2)
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.')
    {
        return Some(Span::new(
            doc.token(end - 2).span.start,
            doc.token(end - 1).span.end,
        ));
    }
    // "the impact it said": a subject pronoun right before its verb is the whole subject.
    let subject_pronoun = [
        "he", "she", "it", "they", "we", "I", "He", "She", "It", "They", "We",
    ];
    if end > 0 && end < cue + 1 && subject_pronoun.contains(&doc.tok(end - 1)) {
        // ("the experts who studied it say": "it" and "you" may be a relative clause's
        // object, its head the subject)
        if matches!(doc.tok(end - 1), "it" | "you") {
            if let Some(head) = head_of_relative(doc, end) {
                return Some(head);
            }
        }
        return Some(doc.token(end - 1).span);
    }
    // "Sen. Tim Kaine (D-Va.) said": a parenthesis between name and verb.
    end = before_parenthesis(doc, end, sentence);
    // "The judge -- who has clashed with the governor -- said": an apposition or a relative
    // clause between dashes.
    if end > 0 && is_dash(doc.tok(end - 1)) {
        let mut k = end - 1;
        while k > 0 && is_dash(doc.tok(k - 1)) {
            k -= 1; // "--" is two tokens
        }
        let close = k;
        while k > 0
            && !is_dash(doc.tok(k - 1))
            && close - k < APPOSITION_WINDOW
            && doc.token(k - 1).sentence() == sentence
            && !is_quote_mark(doc.tok(k - 1))
        {
            k -= 1;
        }
        if k > 0 && is_dash(doc.tok(k - 1)) && k < close {
            end = k - 1;
            while end > 0 && is_dash(doc.tok(end - 1)) {
                end -= 1;
            }
        }
    }
    // "Stevie Wonder, who joked": the relative pronoun is the mention.
    // (only after a comma: "anybody who complains" restricts, it names no one)
    if end > 1 && matches!(doc.tok(end - 1), "who" | "which") && doc.tok(end - 2) == "," {
        return Some(doc.token(end - 1).span);
    }
    // "Megyn Kelly, a star anchor at Fox News who questioned …": after a name or a noun
    // for a person, "who" is the mention too (not after a pronoun: "anybody who complains")
    if end > 1
        && doc.tok(end - 1) == "who"
        && doc.is_word(end - 2)
        && (is_capitalised(doc.tok(end - 2))
            || doc
                .lexicon
                .is_title(&ascii_lower(doc.tok(end - 2), &mut Word::new())))
    {
        return Some(doc.token(end - 1).span);
    }
    // "18% who say", "23 percent who said": after a share of those asked, "who" is the
    // mention
    if end > 1
        && doc.tok(end - 1) == "who"
        && (doc.tok(end - 2) == "%"
            || doc.tok(end - 2) == "percent"
            || doc.tok(end - 2).bytes().all(|b| b.is_ascii_digit()))
    {
        return Some(doc.token(end - 1).span);
    }
    // "…, many of whom say": the quantity with its relative pronoun.
    if end > 3
        && matches!(doc.tok(end - 1), "whom" | "which")
        && doc.tok(end - 2) == "of"
        && doc.tok(end - 4) == ","
        && doc.is_word(end - 3)
    {
        return Some(Span::new(
            doc.token(end - 3).span.start,
            doc.token(end - 1).span.end,
        ));
    }
    // An apposition: "Zarif, Iran's foreign minister, said" — the name before it; "Her
    // rival, Tom Gill, said" — the name inside it.
    let mut apposed = None;
    // The comma closing an apposition may stand inside a closing mark: `X, addressing a
    // crowd chanting "Death to America," said`.
    let comma = if end > 0 && doc.tok(end - 1) == "," {
        Some(end - 1)
    } else if end >= 2 && is_quote_mark(doc.tok(end - 1)) && doc.tok(end - 2) == "," {
        Some(end - 2)
    } else {
        None
    };
    if let Some(comma) = comma {
        // The apposition may hold a quotation of its own ("X, addressing a crowd
        // chanting "…", said"): only a comma outside quote marks ends it.
        let mut k = comma;
        let mut steps = 0;
        let mut inside_quote = comma + 1 < end;
        while k > 0 && steps < APPOSITION_WINDOW && doc.token(k - 1).sentence() == sentence {
            let t = doc.tok(k - 1);
            // ("Clinton, during a meeting in Columbus, Ohio, said": the comma between a
            // place and its region or country is inside the phrase)
            let place_comma = || {
                k >= 2
                    && k + 1 == comma
                    && is_capitalised(doc.tok(k - 2))
                    && matches!(
                        doc.lexicon.known(doc.tok(k)),
                        Some((
                            _,
                            crate::lexicon::Known::Region | crate::lexicon::Known::Country
                        ))
                    )
            };
            if is_quote_mark(t) {
                inside_quote = !inside_quote;
            } else if t == "," && !inside_quote && !place_comma() {
                break;
            }
            k -= 1;
            steps += 1;
        }
        // An apposition describes: it does not open with a conjunction or a clause word
        // ("…, and the meeting deteriorated, said one source").
        // ("…, then 38, said", "…, then a senator, said": "then" before an age or a
        // description opens an apposition)
        let then_apposition = doc.tok(k) == "then"
            && k + 1 < end
            && (doc.tok(k + 1).bytes().all(|b| b.is_ascii_digit())
                || matches!(doc.tok(k + 1), "a" | "an" | "the")
                || is_capitalised(doc.tok(k + 1)));
        let clause_like = k < end - 1
            && !then_apposition
            && matches!(
                doc.tok(k),
                "and"
                    | "but"
                    | "or"
                    | "so"
                    | "then"
                    | "while"
                    | "because"
                    | "if"
                    | "although"
                    | "though"
                    | "when"
                    | "since"
                    | "as"
                    | "yet"
                    | "nor"
            );
        if k > 0 && doc.tok(k - 1) == "," && !clause_like {
            // "X, in remarks to Y, said": an adjunct, not a name, stands between the commas.
            if !is_boundary_word(doc.tok(k)) || matches!(doc.tok(k), "who" | "which") {
                apposed = Some((k, comma));
            }
            // ("Rep. Ann Lee (D-Md.), chair of the committee, said")
            end = before_parenthesis(doc, k - 1, sentence);
        } else {
            return None;
        }
    }
    let mut start = end;
    while start > 0 && end - start < MAX_SPEAKER && doc.token(start - 1).sentence() == sentence {
        let i = start - 1;
        if doc.is_plural_possessive(i) {
            start -= 1; // "the nurses' union"
            continue;
        }
        if !doc.is_word(i) {
            break;
        }
        let w = doc.tok(i);
        // "Secretary of State", "Undersecretary for Education": a small word between names
        let inner = matches!(w, "of" | "for") && start < end && is_capitalised(doc.tok(start));
        if is_boundary_word(w) && !inner {
            break;
        }
        start -= 1;
    }
    // "A leaked letter seen by Sky News says": the agent of a reduced passive is not the
    // subject; the noun the participle modifies is.
    // (once, as for adjuncts: "a letter seen by a letter seen by …" is no deep recursion)
    if adjuncts && start >= 2 && doc.tok(start - 1) == "by" && apposed.is_none() {
        let p = doc.tok(start - 2);
        let participle = p.ends_with("ed")
            || matches!(
                p,
                "seen" | "written" | "sent" | "signed" | "issued" | "drawn" | "given" | "made"
            );
        if participle && doc.token(start - 2).sentence() == sentence {
            if let Some(head) = noun_phrase_ending_before(doc, start - 2, false) {
                return Some(head);
            }
        }
    }
    let walked = start;
    // "Elected officials from both parties say": a quantifier after a preposition opens the
    // modifier of the head before it, not the subject
    if apposed.is_none()
        && walked < end
        && matches!(
            doc.tok(walked),
            "both" | "all" | "other" | "few" | "many" | "some" | "several"
        )
    {
        if let Some(head) = head_before_modifier(doc, walked, end) {
            return Some(head);
        }
    }
    // "people who have battled online threats say", "the experts who studied it say": the
    // subject is the noun that a restrictive relative clause before the verb describes
    if apposed.is_none() {
        if let Some(head) = head_of_relative(doc, end) {
            return Some(head);
        }
    }
    while start < end && !starts_noun_phrase(doc, start) {
        start += 1;
    }
    if apposed.is_none() && adjuncts {
        if let Some(subject) = subject_before_adjunct(doc, walked, end, cue) {
            return subject;
        }
    }
    // ("local analysts say": lower-case modifiers before such a plural are the phrase's too)
    let modified = start + 1 == end
        && walked < start
        && (walked..start).all(|j| {
            doc.tok(j)
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-')
        });
    if (start >= end || modified)
        && apposed.is_none()
        && walked < end
        && is_people_plural(doc.tok(end - 1))
    {
        // "But hacking specialists say": modifiers before a plural for people, with no
        // word that opens a noun phrase, are the phrase
        return Some(Span::new(
            doc.token(walked).span.start,
            doc.token(end - 1).span.end,
        ));
    }
    if start >= end && apposed.is_none() {
        // "Elected officials from both parties say": the phrase after the preposition
        // names no one; the head before it does, with its modifier.
        if let Some(head) = head_before_modifier(doc, walked, end) {
            return Some(head);
        }
    }
    if start >= end {
        // "The secretary general of CEI (Italian Episcopal Conference), Nunzio Galantino,
        // has called": nothing readable before the apposition, but the apposition names.
        return apposed
            .filter(|&(c, d)| d > c && d - c <= 5 && is_name(doc, c, d))
            .map(|(c, d)| Span::new(doc.token(c).span.start, doc.token(d - 1).span.end));
    }
    if let Some((c, d)) = apposed {
        // ("…, Gov. John Kasich (R-OH), said": the name without its party label)
        let d = before_parenthesis(doc, d, sentence).max(c);
        if !is_name(doc, start, end) && d - c <= 5 && is_name(doc, c, d) {
            return Some(Span::new(
                doc.token(c).span.start,
                doc.token(d - 1).span.end,
            ));
        }
    }
    let start = name_core(doc, start, end);
    Some(Span::new(
        doc.token(start).span.start,
        doc.token(end - 1).span.end,
    ))
}

/// The subject when the phrase before the verb (tokens `walked..end`) follows a
/// preposition: `None` when it follows none.
/// - After an auxiliary, an adverb or a relative pronoun, the phrase is an adjunct of time
///   or place between the subject and its verb: the subject is before it ("Beck, who has
///   in the past described …").
/// - After a comma, it opens an adjunct before a participle (token `cue`), whose subject
///   is the sentence's ("He battled the mayor, at one point calling him …").
/// - After a noun for people or a role, or "close", it is the noun's modifier, and the
///   speaker the whole phrase ("Officials in Tehran said", "Sources close to the mayor
///   say").
fn subject_before_adjunct(
    doc: &Doc,
    walked: usize,
    end: usize,
    cue: usize,
) -> Option<Option<Span>> {
    let p = walked.checked_sub(1).filter(|&p| p > 0 && doc.is_word(p))?;
    if !is_preposition(doc.tok(p)) || doc.tok(p) == "by" {
        return None;
    }
    let of = matches!(doc.tok(p), "of" | "for");
    let before = doc.tok(p - 1);
    // ("…, with Sen. John McCain calling it …": after "with", the phrase is the
    // participle's own subject)
    if before == "," && !of && doc.tok(p) != "with" && doc.tok(cue).ends_with("ing") {
        return Some(sentence_subject(doc, doc.token(p).sentence()));
    }
    if !doc.is_word(p - 1) {
        return None;
    }
    if !of && (is_skippable(before) || matches!(before, "who" | "which")) {
        return Some(noun_phrase_ending_before(doc, p, false));
    }
    let mut buf = Word::new();
    let lower = ascii_lower(before, &mut buf);
    let role = is_people_plural(&lower) || lower == "close" || doc.lexicon.is_title(&lower);
    if role {
        let head = noun_phrase_ending_before(doc, p, false)?;
        return Some(Some(Span::new(head.start, doc.token(end - 1).span.end)));
    }
    None
}

/// Where the "of" of a name with its modifier stands among tokens `a..b` ("Stephen Vladeck
/// of the University of Texas School of Law" -> the "of" after "Vladeck"), when the words
/// before it are a name.
fn name_before_of(doc: &Doc, a: usize, b: usize) -> Option<usize> {
    (a + 1..b)
        .find(|&k| doc.tok(k) == "of")
        .filter(|&k| is_name(doc, a, k))
}

/// `end`, or the start of a parenthesis of a few tokens that ends right before it ("Sen.
/// Tim Kaine (D-Va.)").
fn before_parenthesis(doc: &Doc, end: usize, sentence: usize) -> usize {
    if end == 0 || doc.tok(end - 1) != ")" {
        return end;
    }
    let mut k = end - 1;
    while k > 0 && doc.tok(k - 1) != "(" && end - k < 8 && doc.token(k - 1).sentence() == sentence {
        k -= 1;
    }
    if k > 0 && doc.tok(k - 1) == "(" {
        k - 1
    } else {
        end
    }
}

/// A dash between words: "-" (or "--", two tokens), "–", "—".
fn is_dash(t: &str) -> bool {
    matches!(t, "-" | "\u{2013}" | "\u{2014}")
}

/// The noun phrase before a restrictive relative clause ("who", no comma before it) that
/// runs without punctuation, conjunction or cue up to token `end`: `people who have battled
/// other online threats` -> `people`. At most twelve tokens from "who" to `end`.
fn head_of_relative(doc: &Doc, end: usize) -> Option<Span> {
    let sentence = doc.token(end.checked_sub(1)?).sentence();
    // (a relative pronoun among the twelve tokens before `end`, found in the document's
    // index of them, before any token is read)
    let mut from = end.saturating_sub(12);
    loop {
        let r = doc.relative_in(from, end)?;
        if doc.tok(r) == "who" {
            break;
        }
        from = r + 1;
    }
    let mut j = end;
    while j > 0 && end - j < 12 {
        j -= 1;
        let w = doc.tok(j);
        if doc.token(j).sentence() != sentence
            || !doc.is_word(j)
            || matches!(w, "and" | "but" | "or" | "that" | "which")
            || cue_at(doc, j).is_some()
        {
            return None;
        }
        if w == "who" {
            if j == 0 || doc.tok(j - 1) == "," || j + 1 >= end {
                return None;
            }
            return noun_phrase_before(doc, j);
        }
    }
    None
}

/// `officials from both parties`: when the words `walked..end` before a cue follow a
/// preposition, the noun phrase before the preposition with them.
fn head_before_modifier(doc: &Doc, walked: usize, end: usize) -> Option<Span> {
    if walked < 2
        || walked >= end
        || !matches!(
            doc.tok(walked - 1),
            "of" | "from" | "in" | "at" | "for" | "with" | "on" | "to" | "across" | "within"
        )
        // ("advisers to Mr. Rubio", not "back in Philadelphia to express my": after "to" a
        // noun phrase, not an infinitive)
        || doc.tok(walked - 1) == "to" && !starts_noun_phrase(doc, walked)
    {
        return None;
    }
    let sentence = doc.token(end - 1).sentence();
    let mut start = walked - 1;
    while start > 0
        && end - start < MAX_SPEAKER
        && doc.token(start - 1).sentence() == sentence
        && doc.is_word(start - 1)
        && !is_boundary_word(doc.tok(start - 1))
    {
        start -= 1;
    }
    while start < walked - 1 && !starts_noun_phrase(doc, start) {
        start += 1;
    }
    (start < walked - 1)
        .then(|| Span::new(doc.token(start).span.start, doc.token(end - 1).span.end))
}

/// Prepositions that open an adjunct, never a speaker: "spoke outside the court".
pub(crate) fn is_preposition(w: &str) -> bool {
    matches!(
        &*ascii_lower(w, &mut Word::new()),
        "outside"
            | "inside"
            | "against"
            | "at"
            | "in"
            | "on"
            | "into"
            | "during"
            | "under"
            | "over"
            | "near"
            | "through"
            | "via"
            | "before"
            | "after"
            | "around"
            | "across"
            | "behind"
            | "among"
            | "toward"
            | "towards"
            | "within"
            | "without"
            | "amid"
            | "despite"
            | "until"
            | "about"
            | "with"
            | "from"
            | "for"
            | "of"
            | "by"
            | "to"
            | "up"
            | "down"
            | "off"
            | "out"
    )
}
