//! Sample data for "try with sample data".
