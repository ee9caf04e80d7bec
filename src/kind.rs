//! The kind of an actor: a person, an organisation or a place. Shared by `names` (the kind a
//! name's own words show) and `actors` (the kind of each actor in the table), and kept apart
//! from both so that neither has to import the other for it.

/// What kind of actor.
///
/// ```
/// use whosaid::{ActorKind, Extractor};
///
/// let text = "\"We are ready,\" Mayor Elena Brandt said of the Halifax Port Authority's plan.";
/// let kinds: Vec<(String, ActorKind)> = Extractor::new()
///     .extract(text)
///     .actors
///     .into_iter()
///     .map(|a| (a.name, a.kind))
///     .collect();
/// assert_eq!(
///     kinds,
///     [
///         ("Elena Brandt".to_string(), ActorKind::Person),
///         // (a listed place inside a longer name is a mention of its own)
///         ("Halifax".to_string(), ActorKind::Place),
///         ("Halifax Port Authority".to_string(), ActorKind::Organization),
///     ]
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    /// A person.
    Person,
    /// An organisation: a government body, a company, a newspaper, a group of people.
    Organization,
    /// A place: a country, city or region.
    Place,
}

impl ActorKind {
    /// The name used in the JSON: `person`, `organization` or `place`.
    ///
    /// ```
    /// use whosaid::ActorKind;
    ///
    /// assert_eq!(ActorKind::Organization.as_str(), "organization"); // American spelling
    /// assert_eq!(ActorKind::Place.as_str(), "place");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Place => "place",
        }
    }
}
