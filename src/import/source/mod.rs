//! Reading list files into rows of text.
