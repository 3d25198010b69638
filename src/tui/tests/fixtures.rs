//! Small states to test with.
