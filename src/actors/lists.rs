//! Names in a list share their kind.
//!
//! A list names things of one sort: in "it is bordered by Edgewater, Englewood Cliffs,
//! Cliffside Park and Leonia", one known place makes the others places, and in "Luzon and
//! the Visayas" the island group is a place like Luzon. A name the text gives no kind of
//! takes the kind its list shows; a name with a kind of its own keeps it ("Microsoft and
//! Bill Gates").

use super::{Evidence, Table};

/// How the text between two names joins them in one list, if it does: a comma
/// ([`Join::Comma`]), or "and", "or" or "&" with or without one ([`Join::Word`]), with an
/// article before the second name after a conjunction ("Luzon and the Visayas"; after a
/// comma alone, as in ", the Maya perfected", an article opens a new phrase).
fn join(between: &str) -> Option<Join> {
    if between.contains('\n') {
        return None;
    }
    let comma = between.contains(',');
    let mut words = between.split([' ', ',']).filter(|w| !w.is_empty());
    let mut next = words.next();
    let word = matches!(next, Some("and" | "or" | "&"));
    if word {
        next = words.next();
        if next == Some("the") {
            next = words.next();
        }
    }
    let how = if word { Join::Word } else { Join::Comma };
    (next.is_none() && (comma || word)).then_some(how)
}

/// How far back, in bytes, [`modifies_a_name`] reads for "X of (the)".
const LOOK_BACK: usize = 48;

/// The most bytes between two names in a list (", and the ").
const MAX_JOIN: usize = 12;

/// How two neighbours in a list are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// By a comma alone.
    Comma,
    /// By a conjunction.
    Word,
}

/// Whether the name ending at byte `end` owns what follows ("DAB's Horace Cheung"): it
/// determines a noun of the list, and is no member of it.
fn possessor(text: &str, end: usize) -> bool {
    text.get(end..)
        .is_some_and(|rest| rest.starts_with(['\'', '\u{2019}']))
}

/// Whether the name starting at byte `start` is the object of "of" after another name
/// ("Claudia Mo of the Civic Party and Wong Pik-wan"): the list is of what it modifies.
fn modifies_a_name(text: &str, start: usize) -> bool {
    // (a few words back at most: a text with no space must not be read back to its start
    // for every name)
    let from = (start.saturating_sub(LOOK_BACK)..start)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(start);
    let mut before = text
        .get(from..start)
        .unwrap_or("")
        .rsplit(' ')
        .filter(|w| !w.is_empty());
    let mut w = before.next();
    if w == Some("the") {
        w = before.next();
    }
    w == Some("of")
        && before
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
}

impl Table {
    /// Gives the names of each list in `text` that nothing types the kind the list's
    /// typed names agree on. `named` is every name's (end, start, entry), in text order.
    pub fn share_kinds_in_lists(&mut self, text: &str, named: &[(usize, usize, usize)]) {
        let mut from = 0;
        while from < named.len() {
            let mut to = from + 1;
            // (two names and a comma are no list: the second name is in apposition,
            // "Stephenville, Texas", or opens the clause after an adjunct, "at Fenway
            // Park, Holt hit"; a conjunction or a third name makes one)
            let mut list = false;
            // (what costs least first: the gap between the names, then the words around)
            while let Some(how) = named
                .get(to)
                .filter(|next| (named[to - 1].0..=named[to - 1].0 + MAX_JOIN).contains(&next.1))
                .and_then(|next| text.get(named[to - 1].0..next.1))
                .and_then(join)
                .filter(|_| {
                    !possessor(text, named[to].0) && !modifies_a_name(text, named[to - 1].1)
                })
            {
                list |= how == Join::Word || to > from + 1;
                to += 1;
            }
            if list {
                self.share_kind(&named[from..to]);
            }
            from = to;
        }
    }

    /// One list: its members' strongest evidence, if they all agree on the kind it shows,
    /// types the members that nothing else types.
    fn share_kind(&mut self, list: &[(usize, usize, usize)]) {
        let members: Vec<usize> = list.iter().map(|n| self.root(n.2)).collect();
        let strongest = members
            .iter()
            .map(|&i| self.entries[i].evidence)
            .max()
            .unwrap_or(Evidence::Default);
        if strongest <= Evidence::Hint {
            return;
        }
        let mut kinds = members
            .iter()
            .filter(|&&i| self.entries[i].evidence == strongest)
            .map(|&i| self.entries[i].actor.kind);
        let Some(kind) = kinds.next() else { return };
        if kinds.any(|k| k != kind) {
            return;
        }
        for i in members {
            if self.entries[i].evidence == Evidence::Default {
                self.set_kind(i, kind, Evidence::Hint);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::actors::tests::reported as kinds;
    use crate::actors::ActorKind;

    fn kind_of(got: &[(String, ActorKind)], name: &str) -> Option<ActorKind> {
        got.iter().find(|(n, _)| n == name).map(|(_, k)| *k)
    }

    #[test]
    fn a_known_place_in_a_list_makes_the_untyped_names_places() {
        let got = kinds("The ferry calls at Tolland Green, Pellwick, Stanbury and Leeds.");
        for name in ["Tolland Green", "Pellwick", "Stanbury", "Leeds"] {
            assert_eq!(
                kind_of(&got, name),
                Some(ActorKind::Place),
                "{name}: {got:?}"
            );
        }
        // possessors and the objects of "of" after a name are no members
        let got = kinds("Speakers were Leeds's Tolland Green and Pellwick of the Stanbury Party.");
        assert_ne!(
            kind_of(&got, "Tolland Green"),
            Some(ActorKind::Place),
            "{got:?}"
        );
        let got = kinds("It named Ida Bell of the Marrow Institute and Tolland Green.");
        assert_ne!(
            kind_of(&got, "Tolland Green"),
            Some(ActorKind::Organization),
            "{got:?}"
        );
        // a conjunction and an article: "Luzon and the Visayas"
        let got = kinds("Boats leave Leeds and the Carrows each morning.");
        assert_eq!(kind_of(&got, "Carrows"), Some(ActorKind::Place), "{got:?}");
    }

    #[test]
    fn a_name_and_a_comma_alone_make_no_list() {
        // nor a comma and an article after a list
        let got = kinds("Across Leeds, Stanbury, and Pellwick, the Carrows built towns.");
        assert_ne!(kind_of(&got, "Carrows"), Some(ActorKind::Place), "{got:?}");
        // an adjunct before the subject, and a town with its region, are no lists
        let got = kinds("Against the Rays at Greyford Park, Maddox hit a double.");
        assert_ne!(kind_of(&got, "Maddox"), Some(ActorKind::Place), "{got:?}");
        let got = kinds("In London, Pellwick signed the deal.");
        assert_ne!(kind_of(&got, "Pellwick"), Some(ActorKind::Place), "{got:?}");
    }

    #[test]
    fn a_name_with_a_kind_of_its_own_keeps_it() {
        let got = kinds("The Ministry of Works, Mary Pryce and Stanbury agreed on Monday.");
        assert_eq!(
            kind_of(&got, "Mary Pryce"),
            Some(ActorKind::Person),
            "{got:?}"
        );
        assert_eq!(
            kind_of(&got, "Stanbury"),
            Some(ActorKind::Organization),
            "{got:?}"
        );
    }

    #[test]
    fn a_list_of_names_of_no_kind_changes_nothing() {
        // (no member shows a kind: the lone names stay what they were)
        let alone = kinds("Pellwick spoke first.");
        let listed = kinds("Pellwick, Stanbury and Carrow spoke first.");
        assert_eq!(kind_of(&listed, "Pellwick"), kind_of(&alone, "Pellwick"));
    }
}
