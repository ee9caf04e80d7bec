//! Infinitives and the predicates that govern them: whose words an infinitive of saying
//! reports.
//!
//! In `Lewandowski continued to assert that …` and `Advisers are quick to point out that …`
//! the subject of the governing predicate is the subject of the infinitive (subject
//! control), so the infinitive is a cue with that speaker. After any other word the
//! infinitive is one of purpose or a noun's (`held a briefing to brag`, `a chance to
//! explain`) and reports nothing of its own.

use crate::lexicon::{ascii_lower, Lexicon, Predicate, Word};
use crate::phrases::is_ly_adverb;

/// The predicate that governs the infinitive whose verb is token `k` ("to" before it):
/// the index of its verb (the copula before an adjective) and whether it is an adjective's.
/// `word(i)` is token `i`'s text when it is a word of the same sentence.
///
/// - a verb of subject control: `continued to assert`, `managed to underscore`;
/// - "go on": `went on to explain`;
/// - an adjective after a copula, with adverbs and words of degree between: `are quick
///   to point out`, `are slightly more likely to say`, `seemed ready to say`.
pub(crate) fn governor<'a>(
    word: impl Fn(usize) -> Option<&'a str>,
    k: usize,
) -> Option<(usize, bool)> {
    if k < 3 || !word(k - 1)?.eq_ignore_ascii_case("to") {
        return None;
    }
    let mut head = k - 2;
    // "went on to", "goes on to": the particle and its verb are the predicate
    if word(head)? == "on" && head > 0 && word(head - 1).is_some_and(goes) {
        head -= 1;
    }
    let w = word(head)?;
    if !w.chars().all(|c| c.is_lowercase() || c == '-') {
        return None;
    }
    let mut j = head;
    while j > 0 && word(j - 1).is_some_and(|w| is_ly_adverb(w) || is_degree(w)) {
        j -= 1;
    }
    if j > 0 && word(j - 1).is_some_and(is_copula) {
        Some((j - 1, true))
    } else if is_control_verb(w) || goes(w) {
        Some((head, false))
    } else {
        None
    }
}

/// A form of "go" ("went on to explain").
fn goes(w: &str) -> bool {
    matches!(w, "go" | "goes" | "went" | "going" | "gone")
}

/// A form of "be", or a verb that links its subject to an adjective ("seemed eager").
fn is_copula(w: &str) -> bool {
    Lexicon::get().is_predicate_word(Predicate::Copula, &ascii_lower(w, &mut Word::new()))
        || w.ends_with("n't")
}

/// A word of degree before an adjective: "more likely", "too eager", "not quick".
fn is_degree(w: &str) -> bool {
    Lexicon::get().is_predicate_word(Predicate::Degree, w)
}

/// Whether `w` is a verb of subject control in any inflection: its subject is the subject of
/// the infinitive or participle after it (`continued to assert`, `managed to underscore`,
/// `started` in "workers started saying").
pub(crate) fn is_control_verb(w: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "began",
        "begun",
        "sought",
        "chose",
        "chosen",
        "forgot",
        "forgotten",
        "tried",
        "tries",
    ];
    if IRREGULAR.contains(&w) {
        return true;
    }
    // the lemma, with the "e" restored that an ending took ("hoping", "hoped")
    let stem = ["ing", "ed", "es", "s", "d"]
        .iter()
        .find_map(|e| w.strip_suffix(e))
        .unwrap_or(w);
    let mut buf = Word::new();
    let with_e = (buf.try_push_str(stem).is_ok() && buf.try_push('e').is_ok()).then_some(&*buf);
    is_control_lemma(w) || is_control_lemma(stem) || with_e.is_some_and(is_control_lemma)
}

/// A verb of subject control, as a lemma (`predicates.txt`).
fn is_control_lemma(w: &str) -> bool {
    Lexicon::get().is_predicate_word(Predicate::Control, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn governs(text: &str) -> Option<(String, bool)> {
        let words: Vec<&str> = text.split(' ').collect();
        let k = words.len() - 1;
        governor(|i| words.get(i).copied(), k).map(|(v, a)| (words[v].to_string(), a))
    }

    #[test]
    fn a_control_verb_governs_in_any_inflection() {
        assert_eq!(
            governs("she continued to assert"),
            Some(("continued".into(), false))
        );
        assert_eq!(
            governs("he tries to explain"),
            Some(("tries".into(), false))
        );
        assert_eq!(
            governs("they hoped to announce"),
            Some(("hoped".into(), false))
        );
    }

    #[test]
    fn go_on_governs_with_its_particle() {
        assert_eq!(
            governs("the coach went on to explain"),
            Some(("went".into(), false))
        );
    }

    #[test]
    fn an_adjective_after_a_copula_governs_through_the_copula() {
        assert_eq!(
            governs("growers are quick to say"),
            Some(("are".into(), true))
        );
        assert_eq!(
            governs("voters are slightly more likely to say"),
            Some(("are".into(), true))
        );
    }

    #[test]
    fn a_noun_or_a_whole_predicate_does_not() {
        assert_eq!(governs("held a briefing to brag"), None);
        assert_eq!(governs("a chance to explain"), None);
        assert_eq!(governs("said to"), None);
    }
}
