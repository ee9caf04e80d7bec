//! Quote spans: pairing the classified marks into quotations.
//!
//! Marks are paired inside each paragraph with a stack, so nested quotations (`“… ‘…’ …”`)
//! close in order and only the outermost one becomes a span. A quotation still open at the
//! end of a paragraph either continues (the next paragraph starts with an opening mark of the
//! same family: the news convention for a quote over several paragraphs) or is recovered as
//! an unclosed quote ending with its paragraph; it never swallows the paragraphs after it.

use crate::marks::{Family, Mark, Role};
use crate::segment::Segmented;
use crate::span::Span;

/// One quotation between marks, within one paragraph.
///
/// ```
/// use whosaid::lexicon::Lexicon;
/// use whosaid::marks::{classify, Family};
/// use whosaid::quotes::{pair, QuoteSpan};
/// use whosaid::segment::Segmented;
/// use whosaid::Span;
///
/// let text = "She said: \u{201C}Call it a \u{2018}deal\u{2019}.\u{201D}";
/// let seg = Segmented::new(text, Lexicon::get());
/// let spans = pair(text, &seg, &classify(text));
/// assert_eq!(
///     spans,
///     [QuoteSpan {
///         span: Span::new(10, 37), // the marks included
///         content: Span::new(13, 34),
///         closed: true,
///         cut: false,
///         family: Family::Double,
///         group: 0,
///     }]
/// );
/// assert_eq!(spans[0].content.text(text), "Call it a \u{2018}deal\u{2019}.");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    /// From the opening mark through the closing mark (or to the paragraph end).
    pub span: Span,
    /// The text between the marks.
    pub content: Span,
    /// Whether a closing mark ends it.
    pub closed: bool,
    /// Unclosed, and cut short by another opening mark of its family in the same paragraph
    /// (not by the paragraph's end, as a quotation running over paragraphs is).
    pub cut: bool,
    /// Which marks delimit it.
    pub family: Family,
    /// Index (in the list of spans) of the first part of a quotation that runs over
    /// several paragraphs; its own index otherwise.
    pub group: usize,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    mark: Mark,
    group: Option<usize>,
}

/// Pairs `marks` (sorted by position) into quotation spans, sorted and non-overlapping.
///
/// ```
/// use whosaid::lexicon::Lexicon;
/// use whosaid::marks::classify;
/// use whosaid::quotes::pair;
/// use whosaid::segment::Segmented;
///
/// // A quotation over two paragraphs (the first left open, the second reopening it), an
/// // unclosed one ending with its paragraph, and one cut short by the next opening mark.
/// let text = "She said: \"One.\n\"Two.\" And \"an unclosed\nnext line \"cut here \"and here";
/// let seg = Segmented::new(text, Lexicon::get());
/// let spans = pair(text, &seg, &classify(text));
/// let read: Vec<(&str, bool, bool, usize)> =
///     spans.iter().map(|q| (q.span.text(text), q.closed, q.cut, q.group)).collect();
/// assert_eq!(
///     read,
///     [
///         ("\"One.", false, false, 0),
///         ("\"Two.\"", true, false, 0), // the same group: one quotation
///         ("\"an unclosed", false, false, 2),
///         ("\"cut here", false, true, 3),
///         ("\"and here", false, false, 4),
///     ]
/// );
/// ```
pub fn pair(text: &str, seg: &Segmented, marks: &[Mark]) -> Vec<QuoteSpan> {
    let mut out: Vec<QuoteSpan> = Vec::new();
    let mut m = 0;
    let mut carried: Option<(Family, usize)> = None; // a quote continuing into this paragraph
    for (p, para) in seg.paragraphs.iter().enumerate() {
        while m < marks.len() && marks[m].start < para.start {
            m += 1;
        }
        let first = m;
        while m < marks.len() && marks[m].end <= para.end {
            m += 1;
        }
        let ms = &marks[first..m];
        let mut stack: Vec<Open> = Vec::new();
        let continuing = carried.take();
        for (k, &mark) in ms.iter().enumerate() {
            let open_idx = stack.iter().rposition(|o| o.family() == mark.family);
            match (mark.role, open_idx) {
                (Role::Close | Role::CloseOrApostrophe | Role::Either, Some(i)) => {
                    let open = stack[i];
                    stack.truncate(i);
                    if i == 0 {
                        let group = open.group.unwrap_or(out.len());
                        out.push(QuoteSpan {
                            span: Span::new(open.mark.start, mark.end),
                            content: Span::new(open.mark.end, mark.start),
                            closed: true,
                            cut: false,
                            family: mark.family,
                            group,
                        });
                    }
                }
                (Role::Open, Some(0)) if stack.len() == 1 => {
                    // A second opening mark of the same family: the first was never closed.
                    let open = stack.pop().expect("one open mark");
                    let end = trim_end(text, open.mark.end, mark.start);
                    if end > open.mark.end {
                        let g = out.len();
                        out.push(QuoteSpan {
                            cut: true,
                            ..unclosed(open, end, g)
                        });
                    }
                    stack.push(Open { mark, group: None });
                }
                (Role::Open | Role::Either, _) => {
                    let group = match continuing {
                        Some((fam, g)) if k == 0 && stack.is_empty() && fam == mark.family => {
                            Some(g)
                        }
                        _ => None,
                    };
                    stack.push(Open { mark, group })
                }
                (Role::Close | Role::CloseOrApostrophe, None) => {} // stray closing mark or apostrophe
            }
        }
        // Still open at the paragraph end?
        let Some(&outer) = stack.first() else {
            continue;
        };
        let at_start = outer.mark.start == para.start;
        if outer.family() == Family::Single && !at_start {
            continue; // a lone ' or ‘ inside a paragraph: an apostrophe, not a quotation
        }
        let end = trim_end(text, outer.mark.end, para.end);
        if end <= outer.mark.end {
            continue;
        }
        let idx = out.len();
        let group = outer.group.unwrap_or(idx);
        let next_opens = seg.paragraphs.get(p + 1).is_some_and(|next| {
            marks[m..].first().is_some_and(|nm| {
                nm.start == next.start
                    && nm.family == outer.family()
                    && matches!(nm.role, Role::Open | Role::Either)
            })
        });
        out.push(unclosed(outer, end, group));
        if next_opens {
            carried = Some((outer.family(), group));
        }
    }
    out
}

impl Open {
    fn family(&self) -> Family {
        self.mark.family
    }
}

fn unclosed(open: Open, end: usize, default_group: usize) -> QuoteSpan {
    QuoteSpan {
        span: Span::new(open.mark.start, end),
        content: Span::new(open.mark.end, end),
        closed: false,
        cut: false,
        family: open.mark.family,
        group: open.group.unwrap_or(default_group),
    }
}

fn trim_end(text: &str, from: usize, to: usize) -> usize {
    from + text[from..to]
        .trim_end_matches(crate::segment::is_space)
        .len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::marks::classify;

    fn quotes(text: &str) -> Vec<(String, bool, usize)> {
        let seg = Segmented::new(text, Lexicon::get());
        pair(text, &seg, &classify(text))
            .into_iter()
            .map(|q| (q.span.text(text).to_string(), q.closed, q.group))
            .collect()
    }

    #[test]
    fn nested_quotes_yield_the_outer_one() {
        let t = "\u{201C}He told me \u{2018}never again,\u{2019} \u{201D} she said.";
        assert_eq!(
            quotes(t),
            vec![(t[..t.find(" she").unwrap()].to_string(), true, 0)]
        );
    }

    #[test]
    fn a_quote_over_paragraphs_is_one_group_of_parts() {
        let t = "\"First part.\n\n\"Second part.\n\n\"Last part,\" he said.";
        assert_eq!(
            quotes(t),
            vec![
                ("\"First part.".into(), false, 0),
                ("\"Second part.".into(), false, 0),
                ("\"Last part,\"".into(), true, 0)
            ]
        );
    }

    #[test]
    fn an_unclosed_quote_ends_with_its_paragraph() {
        let t = "He said \"we will win.\n\nThe vote is on Friday.";
        assert_eq!(quotes(t), vec![("\"we will win.".into(), false, 0)]);
    }

    #[test]
    fn a_second_opening_mark_recovers_the_first() {
        let t = "\u{201C}We left early, he said. \u{201C}Then it rained.\u{201D}";
        assert_eq!(
            quotes(t),
            vec![
                ("\u{201C}We left early, he said.".into(), false, 0),
                ("\u{201C}Then it rained.\u{201D}".into(), true, 1)
            ]
        );
    }
}
