//! The kind of an actor: a person, an organisation or a place. Shared by `names` (the kind a
//! name's own words show) and `actors` (the kind of each actor in the table), and kept apart
//! from both so that neither has to import the other for it.

/// What kind of actor.
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
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Place => "place",
        }
    }
}
