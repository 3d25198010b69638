mod document_builder;
mod flow;
mod image_utils;
mod rich_text;

pub use document_builder::DocumentBuilder;
pub use flow::{FlowElement, FlowLayout, PageConfig};
pub use image_utils::{centered_image_x, fit_image_dimensions};
pub use rich_text::{RichText, TextSpan};
