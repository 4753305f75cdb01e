//! Attribution: which messages brought clients. See the attribution contract in DESIGN.md.
