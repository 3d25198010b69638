//! Tests for PdfWriter - Existing test suite
//!
//! These are the original 172 tests from pdf_writer.rs

use super::*;
use crate::objects::{Object, ObjectId};
use crate::page::Page;

#[test]
fn test_pdf_writer_new_with_writer() {
    let buffer = Vec::new();
    let writer = PdfWriter::new_with_writer(buffer);
    assert_eq!(writer.current_position, 0);
    assert!(writer.xref_positions.is_empty());
}

#[test]
fn test_write_header() {
    let mut buffer = Vec::new();
    let mut writer = PdfWriter::new_with_writer(&mut buffer);

    writer.write_header().unwrap();

    // Check PDF version
    assert!(buffer.starts_with(b"%PDF-1.7\n"));
    // Check binary comment
    assert_eq!(buffer.len(), 15); // 9 bytes for header + 6 bytes for binary comment
    assert_eq!(buffer[9], b'%');
    assert_eq!(buffer[10], 0xE2);
    assert_eq!(buffer[11], 0xE3);
    assert_eq!(buffer[12], 0xCF);
    assert_eq!(buffer[13], 0xD3);
    assert_eq!(buffer[14], b'\n');
}

#[test]
fn test_write_catalog() {
    let mut buffer = Vec::new();
    let mut writer = PdfWriter::new_with_writer(&mut buffer);

    let mut document = Document::new();
    // Set required IDs before calling write_catalog
    writer.catalog_id = Some(
        writer
            .allocate_object_id()
            .expect("test object ID allocation"),
    );
    writer.pages_id = Some(
        writer
            .allocate_object_id()
            .expect("test object ID allocation"),
    );
    writer.info_id = Some(
        writer
            .allocate_object_id()
            .expect("test object ID allocation"),
    );
    writer.write_catalog(&mut document).unwrap();

    let catalog_id = writer.catalog_id.unwrap();
    assert_eq!(catalog_id.number(), 1);
    assert_eq!(catalog_id.generation(), 0);
    assert!(!buffer.is_empty());

    let content = String::from_utf8_lossy(&buffer);
    assert!(content.contains("1 0 obj"));
    assert!(content.contains("/Type /Catalog"));
    assert!(content.contains("/Pages 2 0 R"));
    assert!(content.contains("endobj"));
}

#[test]
fn test_write_empty_document() {
    let mut buffer = Vec::new();
    let mut document = Document::new();

    {
        let mut writer = PdfWriter::new_with_writer(&mut buffer);
        writer.write_document(&mut document).unwrap();
    }

    // Verify PDF structure
    let content = String::from_utf8_lossy(&buffer);
    assert!(content.starts_with("%PDF-1.7\n"));
    assert!(content.contains("trailer"));
    assert!(content.contains("%%EOF"));
}

#[test]
fn test_write_document_with_pages() {
    let mut buffer = Vec::new();
    let mut document = Document::new();
    document.add_page(Page::a4());
    document.add_page(Page::letter());

    {
        let mut writer = PdfWriter::new_with_writer(&mut buffer);
        writer.write_document(&mut document).unwrap();
    }

    let content = String::from_utf8_lossy(&buffer);
    assert!(content.contains("/Type /Pages"));
    assert!(content.contains("/Count 2"));
    assert!(content.contains("/MediaBox"));
}

#[test]
fn test_write_info() {
    let mut buffer = Vec::new();
    let mut document = Document::new();
    document.set_title("Test Title");
    document.set_author("Test Author");
    document.set_subject("Test Subject");
    document.set_keywords("test, keywords");

    {
        let mut writer = PdfWriter::new_with_writer(&mut buffer);
        // Set required info_id before calling write_info
        writer.info_id = Some(
            writer
                .allocate_object_id()
                .expect("test object ID allocation"),
        );
        writer.write_info(&document).unwrap();
        let info_id = writer.info_id.unwrap();
        assert!(info_id.number() > 0);
    }

    let content = String::from_utf8_lossy(&buffer);
    assert!(content.contains("/Title (Test Title)"));
    assert!(content.contains("/Author (Test Author)"));
    assert!(content.contains("/Subject (Test Subject)"));
    assert!(content.contains("/Keywords (test, keywords)"));
    assert!(content.contains("/Producer (oxidize_pdf v"));
    assert!(content.contains("/Creator (oxidize_pdf)"));
    assert!(content.contains("/CreationDate"));
    assert!(content.contains("/ModDate"));
}

#[test]
fn test_write_info_with_dates() {
    use chrono::{TimeZone, Utc};

    let mut buffer = Vec::new();
    let mut document = Document::new();

    // Set specific dates
    let creation_date = Utc.with_ymd_and_hms(2023, 1, 1, 12, 0, 0).unwrap();
    let mod_date = Utc.with_ymd_and_hms(2023, 6, 15, 18, 30, 0).unwrap();

    document.set_creation_date(creation_date);
    document.set_modification_date(mod_date);
    document.set_creator("Test Creator");
    document.set_producer("Test Producer");

    {
        let mut writer = PdfWriter::new_with_writer(&mut buffer);
        // Set required info_id before calling write_info
        writer.info_id = Some(
            writer
                .allocate_object_id()
                .expect("test object ID allocation"),
        );
        writer.write_info(&document).unwrap();
    }

    let content = String::from_utf8_lossy(&buffer);
    assert!(content.contains("/CreationDate (D:20230101"));
    assert!(content.contains("/ModDate (D:20230615"));
    assert!(content.contains("/Creator (Test Creator)"));
    assert!(content.contains("/Producer (Test Producer)"));
}

#[test]
fn test_format_pdf_date() {
    use chrono::{TimeZone, Utc};

    let date = Utc.with_ymd_and_hms(2023, 12, 25, 15, 30, 45).unwrap();
    let formatted = format_pdf_date(date);

    // Should start with D: and contain date/time components
    assert!(formatted.starts_with("D:"));
    assert!(formatted.contains("20231225"));
    assert!(formatted.contains("153045"));

    // Should contain timezone offset
    assert!(formatted.contains("+") || formatted.contains("-"));
}

#[test]
fn test_write_object() {
    let mut buffer = Vec::new();
    let obj_id = ObjectId::new(5, 0);
    let obj = Object::String("Hello PDF".to_string());

    {
        let mut writer = PdfWriter::new_with_writer(&mut buffer);
        writer.write_object(obj_id, obj).unwrap();
        assert!(writer.xref_positions.contains_key(&obj_id));
    }

    let content = String::from_utf8_lossy(&buffer);
    assert!(content.contains("5 0 obj"));
    assert!(content.contains("(Hello PDF)"));
    assert!(content.contains("endobj"));
}

#[test]
fn test_write_xref() {
    let mut buffer = Vec::new();
    let mut writer = PdfWriter::new_with_writer(&mut buffer);

    // Add some objects to xref
    writer.xref_positions.insert(ObjectId::new(1, 0), 15);
    writer.xref_positions.insert(ObjectId::new(2, 0), 94);
    writer.xref_positions.insert(ObjectId::new(3, 0), 152);

    writer.write_xref().unwrap();

    let content = String::from_utf8_lossy(&buffer);
    assert!(content.contains("xref"));
    assert!(content.contains("0 4")); // 0 to 3
    assert!(content.contains("0000000000 65535 f "));
    assert!(content.contains("0000000015 00000 n "));
    assert!(content.contains("0000000094 00000 n "));
    assert!(content.contains("0000000152 00000 n "));
}

#[test]
fn test_write_trailer() {
    let mut buffer = Vec::new();
    let mut writer = PdfWriter::new_with_writer(&mut buffer);

    writer.xref_positions.insert(ObjectId::new(1, 0), 15);
    writer.xref_positions.insert(ObjectId::new(2, 0), 94);

    let catalog_id = ObjectId::new(1, 0);
    let info_id = ObjectId::new(2, 0);

    writer.catalog_id = Some(catalog_id);
    writer.info_id = Some(info_id);
    writer.write_trailer(1234).unwrap();

    let content = String::from_utf8_lossy(&buffer);
    assert!(content.contains("trailer"));
    assert!(content.contains("/Size 3"));
    assert!(content.contains("/Root 1 0 R"));
    assert!(content.contains("/Info 2 0 R"));
    assert!(content.contains("startxref"));
    assert!(content.contains("1234"));
    assert!(content.contains("%%EOF"));
}

#[test]
fn test_write_bytes() {
    let mut buffer = Vec::new();

    {
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        assert_eq!(writer.current_position, 0);

        writer.write_bytes(b"Hello").unwrap();
        assert_eq!(writer.current_position, 5);

        writer.write_bytes(b" World").unwrap();
        assert_eq!(writer.current_position, 11);
    }

    assert_eq!(buffer, b"Hello World");
}

#[test]
fn test_complete_pdf_generation() {
    let mut buffer = Vec::new();
    let mut document = Document::new();
    document.set_title("Complete Test");
    document.add_page(Page::a4());

    {
        let mut writer = PdfWriter::new_with_writer(&mut buffer);
        writer.write_document(&mut document).unwrap();
    }

    // Verify complete PDF structure
    assert!(buffer.starts_with(b"%PDF-1.7\n"));
    assert!(buffer.ends_with(b"%%EOF\n"));

    let content = String::from_utf8_lossy(&buffer);
    assert!(content.contains("obj"));
    assert!(content.contains("endobj"));
    assert!(content.contains("xref"));
    assert!(content.contains("trailer"));
    assert!(content.contains("/Type /Catalog"));
    assert!(content.contains("/Type /Pages"));
    assert!(content.contains("/Type /Page"));
}

// Integration tests for Writer ↔ Document ↔ Page interactions
mod integration_tests {
    use super::*;
    use crate::graphics::Color;
    use crate::graphics::Image;
    use crate::text::Font;
    use std::fs;
    use tempfile::TempDir;

    #[test]
    fn test_writer_document_integration() {
        let temp_dir = TempDir::new().unwrap();
        let file_path = temp_dir.path().join("writer_document_integration.pdf");

        let mut document = Document::new();
        document.set_title("Writer Document Integration Test");
        document.set_author("Integration Test Suite");
        document.set_subject("Testing writer-document integration");
        document.set_keywords("writer, document, integration, test");

        // Add multiple pages with different content
        let mut page1 = Page::a4();
        page1
            .text()
            .set_font(Font::Helvetica, 16.0)
            .at(100.0, 750.0)
            .write("Page 1 Content")
            .unwrap();

        let mut page2 = Page::letter();
        page2
            .text()
            .set_font(Font::TimesRoman, 14.0)
            .at(100.0, 750.0)
            .write("Page 2 Content")
            .unwrap();

        document.add_page(page1);
        document.add_page(page2);

        // Write document
        let mut writer = PdfWriter::new(&file_path).unwrap();
        writer.write_document(&mut document).unwrap();

        // Verify file creation and structure
        assert!(file_path.exists());
        let metadata = fs::metadata(&file_path).unwrap();
        assert!(metadata.len() > 1000);

        // Verify PDF structure
        let content = fs::read(&file_path).unwrap();
        let content_str = String::from_utf8_lossy(&content);
        assert!(content_str.contains("/Type /Catalog"));
        assert!(content_str.contains("/Type /Pages"));
        assert!(content_str.contains("/Count 2"));
        assert!(content_str.contains("/Title (Writer Document Integration Test)"));
        assert!(content_str.contains("/Author (Integration Test Suite)"));
    }

    #[test]
    fn test_writer_page_content_integration() {
        let temp_dir = TempDir::new().unwrap();
        let file_path = temp_dir.path().join("writer_page_content.pdf");

        let mut document = Document::new();
        document.set_title("Writer Page Content Test");

        let mut page = Page::a4();
        page.set_margins(50.0, 50.0, 50.0, 50.0);

        // Add complex content to page
        page.text()
            .set_font(Font::HelveticaBold, 18.0)
            .at(100.0, 750.0)
            .write("Complex Page Content")
            .unwrap();

        page.graphics()
            .set_fill_color(Color::rgb(0.2, 0.4, 0.8))
            .rect(100.0, 600.0, 200.0, 100.0)
            .fill();

        page.graphics()
            .set_stroke_color(Color::rgb(0.8, 0.2, 0.2))
            .set_line_width(3.0)
            .circle(400.0, 650.0, 50.0)
            .stroke();

        // Add multiple text elements
        for i in 0..5 {
            let y = 550.0 - (i as f64 * 20.0);
            page.text()
                .set_font(Font::TimesRoman, 12.0)
                .at(100.0, y)
                .write(&format!("Text line {line}", line = i + 1))
                .unwrap();
        }

        document.add_page(page);

        // Write and verify
        let mut writer = PdfWriter::new(&file_path).unwrap();
        writer.write_document(&mut document).unwrap();

        assert!(file_path.exists());
        let metadata = fs::metadata(&file_path).unwrap();
        assert!(metadata.len() > 800);

        // Verify content streams are present
        let content = fs::read(&file_path).unwrap();
        let content_str = String::from_utf8_lossy(&content);
        assert!(content_str.contains("stream"));
        assert!(content_str.contains("endstream"));
        assert!(content_str.contains("/Length"));
    }

    #[test]
    fn test_writer_image_integration() {
        let temp_dir = TempDir::new().unwrap();
        let file_path = temp_dir.path().join("writer_image_integration.pdf");

        let mut document = Document::new();
        document.set_title("Writer Image Integration Test");

        let mut page = Page::a4();

        // Create test images
        let jpeg_data1 = vec![
            0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x64, 0x00, 0xC8, 0x03, 0xFF, 0xD9,
        ];
        let image1 = Image::from_jpeg_data(jpeg_data1).unwrap();

        let jpeg_data2 = vec![
            0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x32, 0x00, 0x32, 0x01, 0xFF, 0xD9,
        ];
        let image2 = Image::from_jpeg_data(jpeg_data2).unwrap();

        // Add images to page
        page.add_image("test_image1", image1);
        page.add_image("test_image2", image2);

        // Draw images
        page.draw_image("test_image1", 100.0, 600.0, 200.0, 100.0)
            .unwrap();
        page.draw_image("test_image2", 350.0, 600.0, 100.0, 100.0)
            .unwrap();

        // Add text labels
        page.text()
            .set_font(Font::Helvetica, 14.0)
            .at(100.0, 750.0)
            .write("Image Integration Test")
            .unwrap();

        document.add_page(page);

        // Write and verify
        let mut writer = PdfWriter::new(&file_path).unwrap();
        writer.write_document(&mut document).unwrap();

        assert!(file_path.exists());
        let metadata = fs::metadata(&file_path).unwrap();
        assert!(metadata.len() > 1000);

        // Verify XObject and image resources
        let content = fs::read(&file_path).unwrap();
        let content_str = String::from_utf8_lossy(&content);

        // Debug output
        tracing::debug!("PDF size: {} bytes", content.len());
        tracing::debug!("Contains 'XObject': {}", content_str.contains("XObject"));

        // Verify XObject is properly written
        assert!(content_str.contains("XObject"));
        assert!(content_str.contains("test_image1"));
        assert!(content_str.contains("test_image2"));
        assert!(content_str.contains("/Type /XObject"));
        assert!(content_str.contains("/Subtype /Image"));
    }

    #[test]
    fn test_writer_buffer_vs_file_output() {
        let temp_dir = TempDir::new().unwrap();
        let file_path = temp_dir.path().join("buffer_vs_file_output.pdf");

        let mut document = Document::new();
        document.set_title("Buffer vs File Output Test");

        let mut page = Page::a4();
        page.text()
            .set_font(Font::Helvetica, 12.0)
            .at(100.0, 700.0)
            .write("Testing buffer vs file output")
            .unwrap();

        document.add_page(page);

        // Write to buffer
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            writer.write_document(&mut document).unwrap();
        }

        // Write to file
        {
            let mut writer = PdfWriter::new(&file_path).unwrap();
            writer.write_document(&mut document).unwrap();
        }

        // Read file content
        let file_content = fs::read(&file_path).unwrap();

        // Both should be valid PDFs
        assert!(buffer.starts_with(b"%PDF-1.7"));
        assert!(file_content.starts_with(b"%PDF-1.7"));
        assert!(buffer.ends_with(b"%%EOF\n"));
        assert!(file_content.ends_with(b"%%EOF\n"));

        // Both should contain the same structural elements
        let buffer_str = String::from_utf8_lossy(&buffer);
        let file_str = String::from_utf8_lossy(&file_content);

        assert!(buffer_str.contains("obj"));
        assert!(file_str.contains("obj"));
        assert!(buffer_str.contains("xref"));
        assert!(file_str.contains("xref"));
        assert!(buffer_str.contains("trailer"));
        assert!(file_str.contains("trailer"));
    }

    #[test]
    fn test_writer_large_document_performance() {
        let temp_dir = TempDir::new().unwrap();
        let file_path = temp_dir.path().join("large_document_performance.pdf");

        let mut document = Document::new();
        document.set_title("Large Document Performance Test");

        // Create many pages with content
        for i in 0..20 {
            let mut page = Page::a4();

            // Add title
            page.text()
                .set_font(Font::HelveticaBold, 16.0)
                .at(100.0, 750.0)
                .write(&format!("Page {page}", page = i + 1))
                .unwrap();

            // Add content lines
            for j in 0..30 {
                let y = 700.0 - (j as f64 * 20.0);
                if y > 100.0 {
                    page.text()
                        .set_font(Font::TimesRoman, 10.0)
                        .at(100.0, y)
                        .write(&format!(
                            "Line {line} on page {page}",
                            line = j + 1,
                            page = i + 1
                        ))
                        .unwrap();
                }
            }

            // Add some graphics
            page.graphics()
                .set_fill_color(Color::rgb(0.8, 0.8, 0.9))
                .rect(50.0, 50.0, 100.0, 50.0)
                .fill();

            document.add_page(page);
        }

        // Write document and measure performance
        let start = std::time::Instant::now();
        let mut writer = PdfWriter::new(&file_path).unwrap();
        writer.write_document(&mut document).unwrap();
        let duration = start.elapsed();

        // Verify file creation and reasonable performance
        assert!(file_path.exists());
        let metadata = fs::metadata(&file_path).unwrap();
        assert!(metadata.len() > 10000); // Should be substantial
        assert!(duration.as_secs() < 5); // Should complete within 5 seconds

        // Verify PDF structure
        let content = fs::read(&file_path).unwrap();
        let content_str = String::from_utf8_lossy(&content);
        assert!(content_str.contains("/Count 20"));
    }

    #[test]
    fn test_writer_metadata_handling() {
        let temp_dir = TempDir::new().unwrap();
        let file_path = temp_dir.path().join("metadata_handling.pdf");

        let mut document = Document::new();
        document.set_title("Metadata Handling Test");
        document.set_author("Test Author");
        document.set_subject("Testing metadata handling in writer");
        document.set_keywords("metadata, writer, test, integration");

        let mut page = Page::a4();
        page.text()
            .set_font(Font::Helvetica, 14.0)
            .at(100.0, 700.0)
            .write("Metadata Test Document")
            .unwrap();

        document.add_page(page);

        // Write document
        let mut writer = PdfWriter::new(&file_path).unwrap();
        writer.write_document(&mut document).unwrap();

        // Verify metadata in PDF
        let content = fs::read(&file_path).unwrap();
        let content_str = String::from_utf8_lossy(&content);

        assert!(content_str.contains("/Title (Metadata Handling Test)"));
        assert!(content_str.contains("/Author (Test Author)"));
        assert!(content_str.contains("/Subject (Testing metadata handling in writer)"));
        assert!(content_str.contains("/Keywords (metadata, writer, test, integration)"));
        assert!(content_str.contains("/Creator (oxidize_pdf)"));
        assert!(content_str.contains("/Producer (oxidize_pdf v"));
        assert!(content_str.contains("/CreationDate"));
        assert!(content_str.contains("/ModDate"));
    }

    #[test]
    fn test_writer_empty_document() {
        let temp_dir = TempDir::new().unwrap();
        let file_path = temp_dir.path().join("empty_document.pdf");

        let mut document = Document::new();
        document.set_title("Empty Document Test");

        // Write empty document (no pages)
        let mut writer = PdfWriter::new(&file_path).unwrap();
        writer.write_document(&mut document).unwrap();

        // Verify valid PDF structure even with no pages
        assert!(file_path.exists());
        let metadata = fs::metadata(&file_path).unwrap();
        assert!(metadata.len() > 200); // Should have basic structure

        let content = fs::read(&file_path).unwrap();
        let content_str = String::from_utf8_lossy(&content);
        assert!(content_str.contains("%PDF-1.7"));
        assert!(content_str.contains("/Type /Catalog"));
        assert!(content_str.contains("/Type /Pages"));
        assert!(content_str.contains("/Count 0"));
        assert!(content_str.contains("%%EOF"));
    }

    #[test]
    fn test_writer_error_handling() {
        let mut document = Document::new();
        document.set_title("Error Handling Test");
        document.add_page(Page::a4());

        // Test invalid path
        let result = PdfWriter::new("/invalid/path/that/does/not/exist.pdf");
        assert!(result.is_err());

        // Test writing to buffer should work
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);
        let result = writer.write_document(&mut document);
        assert!(result.is_ok());
        assert!(!buffer.is_empty());
    }

    #[test]
    fn test_writer_object_id_management() {
        let mut buffer = Vec::new();
        let mut document = Document::new();
        document.set_title("Object ID Management Test");

        // Add multiple pages to test object ID generation
        for i in 0..5 {
            let mut page = Page::a4();
            page.text()
                .set_font(Font::Helvetica, 12.0)
                .at(100.0, 700.0)
                .write(&format!("Page {page}", page = i + 1))
                .unwrap();
            document.add_page(page);
        }

        let mut writer = PdfWriter::new_with_writer(&mut buffer);
        writer.write_document(&mut document).unwrap();

        // Verify object numbering in PDF
        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("1 0 obj")); // Catalog
        assert!(content.contains("2 0 obj")); // Pages
        assert!(content.contains("3 0 obj")); // First page
        assert!(content.contains("4 0 obj")); // First page content
        assert!(content.contains("5 0 obj")); // Second page
        assert!(content.contains("6 0 obj")); // Second page content

        // Verify xref table
        assert!(content.contains("xref"));
        assert!(content.contains("0 ")); // Subsection start
        assert!(content.contains("0000000000 65535 f")); // Free object entry
    }

    #[test]
    fn test_writer_content_stream_handling() {
        let mut buffer = Vec::new();
        let mut document = Document::new();
        document.set_title("Content Stream Test");

        let mut page = Page::a4();

        // Add content that will generate a content stream
        page.text()
            .set_font(Font::Helvetica, 12.0)
            .at(100.0, 700.0)
            .write("Content Stream Test")
            .unwrap();

        page.graphics()
            .set_fill_color(Color::rgb(0.5, 0.5, 0.5))
            .rect(100.0, 600.0, 200.0, 50.0)
            .fill();

        document.add_page(page);

        let mut writer = PdfWriter::new_with_writer(&mut buffer);
        writer.write_document(&mut document).unwrap();

        // Verify content stream structure
        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("stream"));
        assert!(content.contains("endstream"));
        assert!(content.contains("/Length"));

        // Should contain content stream operations (may be compressed)
        assert!(content.contains("stream\n")); // Should have at least one stream
        assert!(content.contains("endstream")); // Should have matching endstream
    }

    #[test]
    fn test_writer_font_resource_handling() {
        let mut buffer = Vec::new();
        let mut document = Document::new();
        document.set_title("Font Resource Test");

        let mut page = Page::a4();

        // Use different fonts to test font resource generation
        page.text()
            .set_font(Font::Helvetica, 12.0)
            .at(100.0, 700.0)
            .write("Helvetica Font")
            .unwrap();

        page.text()
            .set_font(Font::TimesRoman, 14.0)
            .at(100.0, 650.0)
            .write("Times Roman Font")
            .unwrap();

        page.text()
            .set_font(Font::Courier, 10.0)
            .at(100.0, 600.0)
            .write("Courier Font")
            .unwrap();

        document.add_page(page);

        let mut writer = PdfWriter::new_with_writer(&mut buffer);
        writer.write_document(&mut document).unwrap();

        // Verify font resources in PDF
        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("/Font"));
        assert!(content.contains("/Helvetica"));
        assert!(content.contains("/Times-Roman"));
        assert!(content.contains("/Courier"));
        assert!(content.contains("/Type /Font"));
        assert!(content.contains("/Subtype /Type1"));
    }

    #[test]
    fn test_writer_cross_reference_table() {
        let mut buffer = Vec::new();
        let mut document = Document::new();
        document.set_title("Cross Reference Test");

        // Add content to generate multiple objects
        for i in 0..3 {
            let mut page = Page::a4();
            page.text()
                .set_font(Font::Helvetica, 12.0)
                .at(100.0, 700.0)
                .write(&format!("Page {page}", page = i + 1))
                .unwrap();
            document.add_page(page);
        }

        let mut writer = PdfWriter::new_with_writer(&mut buffer);
        writer.write_document(&mut document).unwrap();

        // Verify cross-reference table structure
        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("xref"));
        assert!(content.contains("trailer"));
        assert!(content.contains("startxref"));
        assert!(content.contains("%%EOF"));

        // Verify xref entries format
        let xref_start = content.find("xref").unwrap();
        let xref_section = &content[xref_start..];
        assert!(xref_section.contains("0000000000 65535 f")); // Free object entry

        // Should contain 'n' entries for used objects
        let n_count = xref_section.matches(" n ").count();
        assert!(n_count > 0); // Should have some object entries

        // Verify trailer dictionary
        assert!(content.contains("/Size"));
        assert!(content.contains("/Root"));
        assert!(content.contains("/Info"));
    }
}

// Comprehensive tests for writer.rs
#[cfg(test)]
mod comprehensive_tests {
    use super::*;
    use crate::page::Page;
    use crate::text::Font;
    use std::io::{self, ErrorKind, Write};

    // Mock writer that simulates IO errors
    struct FailingWriter {
        fail_after: usize,
        written: usize,
        error_kind: ErrorKind,
    }

    impl FailingWriter {
        fn new(fail_after: usize, error_kind: ErrorKind) -> Self {
            Self {
                fail_after,
                written: 0,
                error_kind,
            }
        }
    }

    impl Write for FailingWriter {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.written >= self.fail_after {
                return Err(io::Error::new(self.error_kind, "Simulated write error"));
            }
            self.written += buf.len();
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            if self.written >= self.fail_after {
                return Err(io::Error::new(self.error_kind, "Simulated flush error"));
            }
            Ok(())
        }
    }

    // Test 1: Write failure during header
    #[test]
    fn test_write_failure_during_header() {
        let failing_writer = FailingWriter::new(5, ErrorKind::PermissionDenied);
        let mut writer = PdfWriter::new_with_writer(failing_writer);
        let mut document = Document::new();

        let result = writer.write_document(&mut document);
        assert!(result.is_err());
    }

    // Test 2: Empty arrays and dictionaries
    #[test]
    fn test_write_empty_collections() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Empty array
        writer
            .write_object(ObjectId::new(1, 0), Object::Array(vec![]))
            .unwrap();

        // Empty dictionary
        let empty_dict = Dictionary::new();
        writer
            .write_object(ObjectId::new(2, 0), Object::Dictionary(empty_dict))
            .unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("[]")); // Empty array
        assert!(content.contains("<<\n>>")); // Empty dictionary
    }

    // Test 3: Deeply nested structures
    #[test]
    fn test_write_deeply_nested_structures() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Create deeply nested array
        let mut nested = Object::Array(vec![Object::Integer(1)]);
        for _ in 0..10 {
            nested = Object::Array(vec![nested]);
        }

        writer.write_object(ObjectId::new(1, 0), nested).unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("[[[[[[[[[["));
        assert!(content.contains("]]]]]]]]]]"));
    }

    // Test 4: Large integers
    #[test]
    fn test_write_large_integers() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let test_cases = vec![i64::MAX, i64::MIN, 0, -1, 1, 999999999999999];

        for (i, &value) in test_cases.iter().enumerate() {
            writer
                .write_object(ObjectId::new(i as u32 + 1, 0), Object::Integer(value))
                .unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        for value in test_cases {
            assert!(content.contains(&value.to_string()));
        }
    }

    // Test 5: Floating point edge cases
    #[test]
    fn test_write_float_edge_cases() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let test_cases = [
            0.0, -0.0, 1.0, -1.0, 0.123456, -0.123456, 1234.56789, 0.000001, 1000000.0,
        ];

        for (i, &value) in test_cases.iter().enumerate() {
            writer
                .write_object(ObjectId::new(i as u32 + 1, 0), Object::Real(value))
                .unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);

        // Check formatting rules
        assert!(content.contains("0")); // 0.0 should be "0"
        assert!(content.contains("1")); // 1.0 should be "1"
        assert!(content.contains("0.123456"));
        assert!(content.contains("1234.567")); // Should be rounded
    }

    // Test 6: Special characters in strings
    #[test]
    fn test_write_special_characters_in_strings() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let test_strings = vec![
            "Simple string",
            "String with (parentheses)",
            "String with \\backslash",
            "String with \nnewline",
            "String with \ttab",
            "String with \rcarriage return",
            "Unicode: café",
            "Emoji: 🎯",
            "", // Empty string
        ];

        for (i, s) in test_strings.iter().enumerate() {
            writer
                .write_object(
                    ObjectId::new(i as u32 + 1, 0),
                    Object::String((*s).to_string()),
                )
                .unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);

        // Verify strings are properly enclosed
        assert!(content.contains("(Simple string)"));
        assert!(content.contains("()")); // Empty string
    }

    // Test 7: Escape sequences in names
    #[test]
    fn test_write_names_with_special_chars() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let test_names = vec![
            "SimpleName",
            "Name With Spaces",
            "Name#With#Hash",
            "Name/With/Slash",
            "Name(With)Parens",
            "Name[With]Brackets",
            "", // Empty name
        ];

        for (i, name) in test_names.iter().enumerate() {
            writer
                .write_object(
                    ObjectId::new(i as u32 + 1, 0),
                    Object::Name((*name).to_string()),
                )
                .unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);

        // Names should be prefixed with /
        assert!(content.contains("/SimpleName"));
        assert!(content.contains("/")); // Empty name should be just /
    }

    // Test 8: Binary data in streams
    #[test]
    fn test_write_binary_streams() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Create stream with binary data
        let mut dict = Dictionary::new();
        let binary_data: Vec<u8> = (0..=255).collect();
        dict.set("Length", Object::Integer(binary_data.len() as i64));

        writer
            .write_object(ObjectId::new(1, 0), Object::Stream(dict, binary_data))
            .unwrap();

        let content = buffer;

        // Verify stream structure
        assert!(content.windows(6).any(|w| w == b"stream"));
        assert!(content.windows(9).any(|w| w == b"endstream"));

        // Verify binary data is present
        let stream_start = content.windows(6).position(|w| w == b"stream").unwrap() + 7; // "stream\n"
        let stream_end = content.windows(9).position(|w| w == b"endstream").unwrap();

        assert!(stream_end > stream_start);
        // Allow for line ending differences
        let data_length = stream_end - stream_start;
        assert!((256..=257).contains(&data_length));
    }

    // Test 9: Zero-length streams
    #[test]
    fn test_write_zero_length_stream() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let mut dict = Dictionary::new();
        dict.set("Length", Object::Integer(0));

        writer
            .write_object(ObjectId::new(1, 0), Object::Stream(dict, vec![]))
            .unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("/Length 0"));
        assert!(content.contains("stream\n\nendstream"));
    }

    // Test 10: Duplicate dictionary keys
    #[test]
    fn test_write_duplicate_dictionary_keys() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let mut dict = Dictionary::new();
        dict.set("Key", Object::Integer(1));
        dict.set("Key", Object::Integer(2)); // Overwrite

        writer
            .write_object(ObjectId::new(1, 0), Object::Dictionary(dict))
            .unwrap();

        let content = String::from_utf8_lossy(&buffer);

        // Should only have the last value
        assert!(content.contains("/Key 2"));
        assert!(!content.contains("/Key 1"));
    }

    // Test 11: Unicode in metadata
    #[test]
    fn test_write_unicode_metadata() {
        let mut buffer = Vec::new();
        let mut document = Document::new();

        document.set_title("Título en Español");
        document.set_author("作者");
        document.set_subject("Тема документа");
        document.set_keywords("מילות מפתח");

        let mut writer = PdfWriter::new_with_writer(&mut buffer);
        writer.write_document(&mut document).unwrap();

        let content = buffer;

        // Verify metadata is present in some form
        let content_str = String::from_utf8_lossy(&content);
        assert!(content_str.contains("Title") || content_str.contains("Título"));
        assert!(content_str.contains("Author") || content_str.contains("作者"));
    }

    // Test 12: Very long strings
    #[test]
    fn test_write_very_long_strings() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let long_string = "A".repeat(10000);
        writer
            .write_object(ObjectId::new(1, 0), Object::String(long_string.clone()))
            .unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains(&format!("({long_string})")));
    }

    // Test 13: Maximum object ID
    #[test]
    fn test_write_maximum_object_id() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let max_id = ObjectId::new(u32::MAX, 65535);
        writer.write_object(max_id, Object::Null).unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains(&format!("{} 65535 obj", u32::MAX)));
    }

    // Test 14: Complex page with multiple resources
    #[test]
    fn test_write_complex_page() {
        let mut buffer = Vec::new();
        let mut document = Document::new();

        let mut page = Page::a4();

        // Add various content
        page.text()
            .set_font(Font::Helvetica, 12.0)
            .at(100.0, 700.0)
            .write("Text with Helvetica")
            .unwrap();

        page.text()
            .set_font(Font::TimesRoman, 14.0)
            .at(100.0, 650.0)
            .write("Text with Times")
            .unwrap();

        page.graphics()
            .set_fill_color(crate::graphics::Color::Rgb(1.0, 0.0, 0.0))
            .rect(50.0, 50.0, 100.0, 100.0)
            .fill();

        page.graphics()
            .set_stroke_color(crate::graphics::Color::Rgb(0.0, 0.0, 1.0))
            .move_to(200.0, 200.0)
            .line_to(300.0, 300.0)
            .stroke();

        document.add_page(page);

        let mut writer = PdfWriter::new_with_writer(&mut buffer);
        writer.write_document(&mut document).unwrap();

        let content = String::from_utf8_lossy(&buffer);

        // Verify multiple fonts
        assert!(content.contains("/Helvetica"));
        assert!(content.contains("/Times-Roman"));

        // Verify graphics operations (content is compressed, so check for stream presence)
        assert!(content.contains("stream"));
        assert!(content.contains("endstream"));
        assert!(content.contains("/FlateDecode")); // Compression filter
    }

    // Test 15: Document with 100 pages
    #[test]
    fn test_write_many_pages_document() {
        let mut buffer = Vec::new();
        let mut document = Document::new();

        for i in 0..100 {
            let mut page = Page::a4();
            page.text()
                .set_font(Font::Helvetica, 12.0)
                .at(100.0, 700.0)
                .write(&format!("Page {}", i + 1))
                .unwrap();
            document.add_page(page);
        }

        let mut writer = PdfWriter::new_with_writer(&mut buffer);
        writer.write_document(&mut document).unwrap();

        let content = String::from_utf8_lossy(&buffer);

        // Verify page count
        assert!(content.contains("/Count 100"));

        // Verify that we have page objects (100 pages + 1 pages tree = 101 total)
        let page_type_count = content.matches("/Type /Page").count();
        assert!(page_type_count >= 100);

        // Verify content streams exist (compressed)
        assert!(content.contains("/FlateDecode"));
    }

    // Test 16: Write failure during xref
    #[test]
    fn test_write_failure_during_xref() {
        let failing_writer = FailingWriter::new(1000, ErrorKind::Other);
        let mut writer = PdfWriter::new_with_writer(failing_writer);
        let mut document = Document::new();

        // Add some content to ensure we get past header
        for _ in 0..5 {
            document.add_page(Page::a4());
        }

        let result = writer.write_document(&mut document);
        assert!(result.is_err());
    }

    // Test 17: Position tracking accuracy
    #[test]
    fn test_position_tracking_accuracy() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Write several objects and verify positions
        let ids = vec![
            ObjectId::new(1, 0),
            ObjectId::new(2, 0),
            ObjectId::new(3, 0),
        ];

        for id in &ids {
            writer.write_object(*id, Object::Null).unwrap();
        }

        // Verify positions were tracked
        for id in &ids {
            assert!(writer.xref_positions.contains_key(id));
            let pos = writer.xref_positions[id];
            assert!(pos < writer.current_position);
        }
    }

    // Test 18: Object reference cycles
    #[test]
    fn test_write_object_reference_cycles() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Create dictionary with self-reference
        let mut dict = Dictionary::new();
        dict.set("Self", Object::Reference(ObjectId::new(1, 0)));
        dict.set("Other", Object::Reference(ObjectId::new(2, 0)));

        writer
            .write_object(ObjectId::new(1, 0), Object::Dictionary(dict))
            .unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("/Self 1 0 R"));
        assert!(content.contains("/Other 2 0 R"));
    }

    // Test 19: Different page sizes
    #[test]
    fn test_write_different_page_sizes() {
        let mut buffer = Vec::new();
        let mut document = Document::new();

        // Add pages with different sizes
        document.add_page(Page::a4());
        document.add_page(Page::letter());
        document.add_page(Page::new(200.0, 300.0)); // Custom size

        let mut writer = PdfWriter::new_with_writer(&mut buffer);
        writer.write_document(&mut document).unwrap();

        let content = String::from_utf8_lossy(&buffer);

        // Verify different MediaBox values
        assert!(content.contains("[0 0 595")); // A4 width
        assert!(content.contains("[0 0 612")); // Letter width
        assert!(content.contains("[0 0 200 300]")); // Custom size
    }

    // Test 20: Empty metadata fields
    #[test]
    fn test_write_empty_metadata() {
        let mut buffer = Vec::new();
        let mut document = Document::new();

        // Set empty strings
        document.set_title("");
        document.set_author("");

        let mut writer = PdfWriter::new_with_writer(&mut buffer);
        writer.write_document(&mut document).unwrap();

        let content = String::from_utf8_lossy(&buffer);

        // Should have empty strings
        assert!(content.contains("/Title ()"));
        assert!(content.contains("/Author ()"));
    }

    // Test 21: Write to read-only location (simulated)
    #[test]
    fn test_write_permission_error() {
        let failing_writer = FailingWriter::new(0, ErrorKind::PermissionDenied);
        let mut writer = PdfWriter::new_with_writer(failing_writer);
        let mut document = Document::new();

        let result = writer.write_document(&mut document);
        assert!(result.is_err());
    }

    // Test 22: Xref with many objects
    #[test]
    fn test_write_xref_many_objects() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Create many objects
        for i in 1..=1000 {
            writer
                .xref_positions
                .insert(ObjectId::new(i, 0), (i * 100) as u64);
        }

        writer.write_xref().unwrap();

        let content = String::from_utf8_lossy(&buffer);

        // Verify xref structure
        assert!(content.contains("xref"));
        assert!(content.contains("0 1001")); // 0 + 1000 objects

        // Verify proper formatting of positions
        assert!(content.contains("0000000000 65535 f"));
        assert!(content.contains(" n "));
    }

    // Test 23: Stream with compression markers
    #[test]
    fn test_write_stream_with_filter() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let mut dict = Dictionary::new();
        dict.set("Length", Object::Integer(100));
        dict.set("Filter", Object::Name("FlateDecode".to_string()));

        let data = vec![0u8; 100];
        writer
            .write_object(ObjectId::new(1, 0), Object::Stream(dict, data))
            .unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("/Filter /FlateDecode"));
        assert!(content.contains("/Length 100"));
    }

    // Test 24: Arrays with mixed types
    #[test]
    fn test_write_mixed_type_arrays() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let array = vec![
            Object::Integer(42),
            Object::Real(3.14),
            Object::String("Hello".to_string()),
            Object::Name("World".to_string()),
            Object::Boolean(true),
            Object::Null,
            Object::Reference(ObjectId::new(5, 0)),
        ];

        writer
            .write_object(ObjectId::new(1, 0), Object::Array(array))
            .unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("[42 3.14 (Hello) /World true null 5 0 R]"));
    }

    // Test 25: Dictionary with nested structures
    #[test]
    fn test_write_nested_dictionaries() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let mut inner = Dictionary::new();
        inner.set("Inner", Object::Integer(1));

        let mut middle = Dictionary::new();
        middle.set("Middle", Object::Dictionary(inner));

        let mut outer = Dictionary::new();
        outer.set("Outer", Object::Dictionary(middle));

        writer
            .write_object(ObjectId::new(1, 0), Object::Dictionary(outer))
            .unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("/Outer <<"));
        assert!(content.contains("/Middle <<"));
        assert!(content.contains("/Inner 1"));
    }

    // Test 26: Maximum generation number
    #[test]
    fn test_write_max_generation_number() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let id = ObjectId::new(1, 65535);
        writer.write_object(id, Object::Null).unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("1 65535 obj"));
    }

    // Test 27: Cross-platform line endings
    #[test]
    fn test_write_consistent_line_endings() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        writer.write_header().unwrap();

        let content = buffer;

        // PDF should use \n consistently
        assert!(content.windows(2).filter(|w| w == b"\r\n").count() == 0);
        assert!(content.windows(1).filter(|w| w == b"\n").count() > 0);
    }

    // Test 28: Flush behavior
    #[test]
    fn test_writer_flush_behavior() {
        struct FlushCounter {
            buffer: Vec<u8>,
            flush_count: std::cell::RefCell<usize>,
        }

        impl Write for FlushCounter {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                self.buffer.extend_from_slice(buf);
                Ok(buf.len())
            }

            fn flush(&mut self) -> io::Result<()> {
                *self.flush_count.borrow_mut() += 1;
                Ok(())
            }
        }

        let flush_counter = FlushCounter {
            buffer: Vec::new(),
            flush_count: std::cell::RefCell::new(0),
        };

        let mut writer = PdfWriter::new_with_writer(flush_counter);
        let mut document = Document::new();

        writer.write_document(&mut document).unwrap();

        // Verify flush was called
        assert!(*writer.writer.flush_count.borrow() > 0);
    }

    // Test 29: Special PDF characters in content
    #[test]
    fn test_write_pdf_special_characters() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Test parentheses in strings
        writer
            .write_object(
                ObjectId::new(1, 0),
                Object::String("Text with ) and ( parentheses".to_string()),
            )
            .unwrap();

        // Test backslash
        writer
            .write_object(
                ObjectId::new(2, 0),
                Object::String("Text with \\ backslash".to_string()),
            )
            .unwrap();

        let content = String::from_utf8_lossy(&buffer);

        // Should properly escape special characters per ISO 32000-1
        // §7.3.4.2 (post-F1 fix). Raw `)` and `(` inside the string
        // payload close / open new groups; a raw `\` introduces an
        // escape sequence. All three MUST be backslash-escaped so the
        // parser round-trips the original bytes. Accepting the
        // pre-F1-fix unescaped form would re-introduce the dict-level
        // injection vector documented in
        // tests/writer_hygiene_test.rs::object_string_escapes_delimiters_in_dict_injection_payload.
        assert!(
            content.contains(r"(Text with \) and \( parentheses)"),
            "parens inside Object::String must be escaped as \\) and \\("
        );
        assert!(
            content.contains(r"(Text with \\ backslash)"),
            "backslash inside Object::String must be escaped as \\\\"
        );
    }

    // Test 30: Resource dictionary structure
    #[test]
    fn test_write_resource_dictionary() {
        let mut buffer = Vec::new();
        let mut document = Document::new();

        let mut page = Page::a4();

        // Add multiple resources
        page.text()
            .set_font(Font::Helvetica, 12.0)
            .at(100.0, 700.0)
            .write("Test")
            .unwrap();

        page.graphics()
            .set_fill_color(crate::graphics::Color::Rgb(1.0, 0.0, 0.0))
            .rect(50.0, 50.0, 100.0, 100.0)
            .fill();

        document.add_page(page);

        let mut writer = PdfWriter::new_with_writer(&mut buffer);
        writer.write_document(&mut document).unwrap();

        let content = String::from_utf8_lossy(&buffer);

        // Verify resource dictionary structure
        assert!(content.contains("/Resources"));
        assert!(content.contains("/Font"));
        // Basic structure verification
        assert!(content.contains("stream") && content.contains("endstream"));
    }

    // Test 31: Error recovery after failed write
    #[test]
    fn test_error_recovery_after_failed_write() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Attempt to write an object
        writer
            .write_object(ObjectId::new(1, 0), Object::Null)
            .unwrap();

        // Verify state is still consistent
        assert!(writer.xref_positions.contains_key(&ObjectId::new(1, 0)));
        assert!(writer.current_position > 0);

        // Should be able to continue writing
        writer
            .write_object(ObjectId::new(2, 0), Object::Null)
            .unwrap();
        assert!(writer.xref_positions.contains_key(&ObjectId::new(2, 0)));
    }

    // Test 32: Memory efficiency with large document
    #[test]
    fn test_memory_efficiency_large_document() {
        let mut buffer = Vec::new();
        let mut document = Document::new();

        // Create document with repetitive content
        for i in 0..50 {
            let mut page = Page::a4();

            // Add lots of text
            for j in 0..20 {
                page.text()
                    .set_font(Font::Helvetica, 10.0)
                    .at(50.0, 700.0 - (j as f64 * 30.0))
                    .write(&format!("Line {j} on page {i}"))
                    .unwrap();
            }

            document.add_page(page);
        }

        let _initial_capacity = buffer.capacity();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);
        writer.write_document(&mut document).unwrap();

        // Verify reasonable memory usage
        assert!(!buffer.is_empty());
        assert!(buffer.capacity() <= buffer.len() * 2); // No excessive allocation
    }

    // Test 33: Trailer dictionary validation
    #[test]
    fn test_trailer_dictionary_content() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Set required IDs before calling write_trailer
        writer.catalog_id = Some(ObjectId::new(1, 0));
        writer.info_id = Some(ObjectId::new(2, 0));
        writer.xref_positions.insert(ObjectId::new(1, 0), 0);
        writer.xref_positions.insert(ObjectId::new(2, 0), 0);

        // Write minimal content
        writer.write_trailer(1000).unwrap();

        let content = String::from_utf8_lossy(&buffer);

        // Verify trailer structure
        assert!(content.contains("trailer"));
        assert!(content.contains("/Size"));
        assert!(content.contains("/Root 1 0 R"));
        assert!(content.contains("/Info 2 0 R"));
        assert!(content.contains("startxref"));
        assert!(content.contains("1000"));
        assert!(content.contains("%%EOF"));
    }

    // Test 34: Write bytes handles partial writes
    #[test]
    fn test_write_bytes_partial_writes() {
        struct PartialWriter {
            buffer: Vec<u8>,
            max_per_write: usize,
        }

        impl Write for PartialWriter {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                let to_write = buf.len().min(self.max_per_write);
                self.buffer.extend_from_slice(&buf[..to_write]);
                Ok(to_write)
            }

            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }

        let partial_writer = PartialWriter {
            buffer: Vec::new(),
            max_per_write: 10,
        };

        let mut writer = PdfWriter::new_with_writer(partial_writer);

        // Write large data
        let large_data = vec![b'A'; 100];
        writer.write_bytes(&large_data).unwrap();

        // Verify all data was written
        assert_eq!(writer.writer.buffer.len(), 100);
        assert!(writer.writer.buffer.iter().all(|&b| b == b'A'));
    }

    // Test 35: Object ID conflicts
    #[test]
    fn test_object_id_conflict_handling() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let id = ObjectId::new(1, 0);

        // Write same ID twice
        writer.write_object(id, Object::Integer(1)).unwrap();
        writer.write_object(id, Object::Integer(2)).unwrap();

        // Position should be updated
        assert!(writer.xref_positions.contains_key(&id));

        let content = String::from_utf8_lossy(&buffer);

        // Both objects should be written
        assert!(content.matches("1 0 obj").count() == 2);
    }

    // Test 36: Content stream encoding
    #[test]
    fn test_content_stream_encoding() {
        let mut buffer = Vec::new();
        let mut document = Document::new();

        let mut page = Page::a4();

        // Add text with special characters
        page.text()
            .set_font(Font::Helvetica, 12.0)
            .at(100.0, 700.0)
            .write("Special: €£¥")
            .unwrap();

        document.add_page(page);

        let mut writer = PdfWriter::new_with_writer(&mut buffer);
        writer.write_document(&mut document).unwrap();

        // Content should be written (exact encoding depends on implementation)
        assert!(!buffer.is_empty());
    }

    // Test 37: PDF version in header
    #[test]
    fn test_pdf_version_header() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        writer.write_header().unwrap();

        let content = &buffer;

        // Verify PDF version
        assert!(content.starts_with(b"%PDF-1.7\n"));

        // Verify binary marker
        assert_eq!(content[9], b'%');
        assert_eq!(content[10], 0xE2);
        assert_eq!(content[11], 0xE3);
        assert_eq!(content[12], 0xCF);
        assert_eq!(content[13], 0xD3);
        assert_eq!(content[14], b'\n');
    }

    // Test 38: Page content operations order
    #[test]
    fn test_page_content_operations_order() {
        let mut buffer = Vec::new();
        let mut document = Document::new();

        let mut page = Page::a4();

        // Add operations in specific order
        page.graphics()
            .save_state()
            .set_fill_color(crate::graphics::Color::Rgb(1.0, 0.0, 0.0))
            .rect(50.0, 50.0, 100.0, 100.0)
            .fill()
            .restore_state();

        document.add_page(page);

        let mut writer = PdfWriter::new_with_writer(&mut buffer);
        writer.write_document(&mut document).unwrap();

        let content = String::from_utf8_lossy(&buffer);

        // Operations should maintain order
        // Note: Exact content depends on compression
        assert!(content.contains("stream"));
        assert!(content.contains("endstream"));
    }

    // Test 39: Invalid UTF-8 handling
    #[test]
    fn test_invalid_utf8_handling() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Create string with invalid UTF-8
        let invalid_utf8 = vec![0xFF, 0xFE, 0xFD];
        let string = String::from_utf8_lossy(&invalid_utf8).to_string();

        writer
            .write_object(ObjectId::new(1, 0), Object::String(string))
            .unwrap();

        // Should not panic and should write something
        assert!(!buffer.is_empty());
    }

    // Test 40: Round-trip write and parse
    #[test]
    fn test_roundtrip_write_parse() {
        use crate::parser::PdfReader;
        use std::io::Cursor;

        let mut buffer = Vec::new();
        let mut document = Document::new();

        document.set_title("Round-trip Test");
        document.add_page(Page::a4());

        // Write document
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            writer.write_document(&mut document).unwrap();
        }

        // Try to parse what we wrote
        let cursor = Cursor::new(buffer);
        let result = PdfReader::new(cursor);

        // Even if parsing fails (due to simplified writer),
        // we should have written valid PDF structure
        assert!(result.is_ok() || result.is_err()); // Either outcome is acceptable for this test
    }

    // Test to validate that all referenced ObjectIds exist in xref table
    #[test]
    fn test_pdf_object_references_are_valid() {
        let mut buffer = Vec::new();
        let mut document = Document::new();
        document.set_title("Object Reference Validation Test");

        // Create a page with form fields (the problematic case)
        let mut page = Page::a4();

        // Add some text content
        page.text()
            .set_font(Font::Helvetica, 12.0)
            .at(50.0, 700.0)
            .write("Form with validation:")
            .unwrap();

        // Add form widgets that previously caused invalid references
        use crate::forms::{BorderStyle, TextField, Widget, WidgetAppearance};
        use crate::geometry::{Point, Rectangle};
        use crate::graphics::Color;

        let text_appearance = WidgetAppearance {
            border_color: Some(Color::rgb(0.0, 0.0, 0.5)),
            background_color: Some(Color::rgb(0.95, 0.95, 1.0)),
            border_width: 1.0,
            border_style: BorderStyle::Solid,
        };

        let name_widget = Widget::new(Rectangle::new(
            Point::new(150.0, 640.0),
            Point::new(400.0, 660.0),
        ))
        .with_appearance(text_appearance);

        page.add_form_widget(name_widget.clone());
        document.add_page(page);

        // Enable forms and add field
        let form_manager = document.enable_forms();
        let name_field = TextField::new("name_field").with_default_value("");
        form_manager
            .add_text_field(name_field, name_widget, None)
            .unwrap();

        // Write the document
        let mut writer = PdfWriter::new_with_writer(&mut buffer);
        writer.write_document(&mut document).unwrap();

        // Parse the generated PDF to validate structure
        let content = String::from_utf8_lossy(&buffer);

        // Extract xref section to find max object ID
        if let Some(xref_start) = content.find("xref\n") {
            let xref_section = &content[xref_start..];
            let lines: Vec<&str> = xref_section.lines().collect();
            if lines.len() > 1 {
                let first_line = lines[1]; // Second line after "xref"
                if let Some(space_pos) = first_line.find(' ') {
                    let (start_str, count_str) = first_line.split_at(space_pos);
                    let start_id: u32 = start_str.parse().unwrap_or(0);
                    let count: u32 = count_str.trim().parse().unwrap_or(0);
                    let max_valid_id = start_id + count - 1;

                    // Check that no references exceed the xref table size
                    // Look for patterns like "1000 0 R" that shouldn't exist
                    assert!(
                        !content.contains("1000 0 R"),
                        "Found invalid ObjectId reference 1000 0 R - max valid ID is {max_valid_id}"
                    );
                    assert!(
                        !content.contains("1001 0 R"),
                        "Found invalid ObjectId reference 1001 0 R - max valid ID is {max_valid_id}"
                    );
                    assert!(
                        !content.contains("1002 0 R"),
                        "Found invalid ObjectId reference 1002 0 R - max valid ID is {max_valid_id}"
                    );
                    assert!(
                        !content.contains("1003 0 R"),
                        "Found invalid ObjectId reference 1003 0 R - max valid ID is {max_valid_id}"
                    );

                    // Verify all object references are within valid range
                    for line in content.lines() {
                        if line.contains(" 0 R") {
                            // Extract object IDs from references
                            let words: Vec<&str> = line.split_whitespace().collect();
                            for i in 0..words.len().saturating_sub(2) {
                                if words[i + 1] == "0" && words[i + 2] == "R" {
                                    if let Ok(obj_id) = words[i].parse::<u32>() {
                                        assert!(obj_id <= max_valid_id,
                                               "Object reference {obj_id} 0 R exceeds xref table size (max: {max_valid_id})");
                                    }
                                }
                            }
                        }
                    }

                    tracing::debug!("✅ PDF structure validation passed: all {count} object references are valid (max ID: {max_valid_id})");
                }
            }
        } else {
            panic!("Could not find xref section in generated PDF");
        }
    }

    #[test]
    fn test_xref_stream_generation() {
        let mut buffer = Vec::new();
        let mut document = Document::new();
        document.set_title("XRef Stream Test");

        let page = Page::a4();
        document.add_page(page);

        // Create writer with XRef stream configuration
        let config = WriterConfig {
            use_xref_streams: true,
            use_object_streams: false,
            pdf_version: "1.5".to_string(),
            compress_streams: true,
            incremental_update: false,
        };
        let mut writer = PdfWriter::with_config(&mut buffer, config);
        writer.write_document(&mut document).unwrap();

        let content = String::from_utf8_lossy(&buffer);

        // Should have PDF 1.5 header
        assert!(content.starts_with("%PDF-1.5\n"));

        // Should NOT have traditional xref table
        assert!(!content.contains("\nxref\n"));
        assert!(!content.contains("\ntrailer\n"));

        // Should have XRef stream object
        assert!(content.contains("/Type /XRef"));
        assert!(content.contains("/Filter /FlateDecode"));
        assert!(content.contains("/W ["));
        assert!(content.contains("/Root "));
        assert!(content.contains("/Info "));

        // Should have startxref pointing to XRef stream
        assert!(content.contains("\nstartxref\n"));
        assert!(content.contains("\n%%EOF\n"));
    }

    #[test]
    fn test_writer_config_default() {
        let config = WriterConfig::default();
        assert!(!config.use_xref_streams);
        assert_eq!(config.pdf_version, "1.7");
    }

    #[test]
    fn test_pdf_version_in_header() {
        let mut buffer = Vec::new();
        let mut document = Document::new();

        let page = Page::a4();
        document.add_page(page);

        // Test with custom version
        let config = WriterConfig {
            use_xref_streams: false,
            use_object_streams: false,
            pdf_version: "1.4".to_string(),
            compress_streams: true,
            incremental_update: false,
        };
        let mut writer = PdfWriter::with_config(&mut buffer, config);
        writer.write_document(&mut document).unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.starts_with("%PDF-1.4\n"));
    }

    #[test]
    fn test_xref_stream_with_multiple_objects() {
        let mut buffer = Vec::new();
        let mut document = Document::new();
        document.set_title("Multi Object XRef Stream Test");

        // Add multiple pages to create more objects
        for i in 0..3 {
            let mut page = Page::a4();
            page.text()
                .set_font(Font::Helvetica, 12.0)
                .at(100.0, 700.0)
                .write(&format!("Page {page}", page = i + 1))
                .unwrap();
            document.add_page(page);
        }

        let config = WriterConfig {
            use_xref_streams: true,
            use_object_streams: false,
            pdf_version: "1.5".to_string(),
            compress_streams: true,
            incremental_update: false,
        };
        let mut writer = PdfWriter::with_config(&mut buffer, config);
        writer.write_document(&mut document).unwrap();
    }

    #[test]
    fn test_write_pdf_header() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);
        writer.write_header().unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.starts_with("%PDF-"));
        assert!(content.contains("\n%"));
    }

    #[test]
    fn test_write_empty_document() {
        let mut buffer = Vec::new();
        let mut document = Document::new();

        // Empty document should still generate valid PDF
        let mut writer = PdfWriter::new_with_writer(&mut buffer);
        let result = writer.write_document(&mut document);
        assert!(result.is_ok());

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.starts_with("%PDF-"));
        assert!(content.contains("%%EOF"));
    }

    // Note: The following tests were removed as they use methods that don't exist
    // in the current PdfWriter API (write_string, write_name, write_real, etc.)
    // These would need to be reimplemented using the actual available methods.

    /*
        #[test]
        fn test_write_string_escaping() {
            let mut buffer = Vec::new();
            let mut writer = PdfWriter::new_with_writer(&mut buffer);

            // Test various string escaping scenarios
            writer.write_string(b"Normal text").unwrap();
            assert!(buffer.contains(&b'('[0]));

            buffer.clear();
            writer.write_string(b"Text with (parentheses)").unwrap();
            let content = String::from_utf8_lossy(&buffer);
            assert!(content.contains("\\(") || content.contains("\\)"));

            buffer.clear();
            writer.write_string(b"Text with \\backslash").unwrap();
            let content = String::from_utf8_lossy(&buffer);
            assert!(content.contains("\\\\"));
        }

        #[test]
        fn test_write_name_escaping() {
            let mut buffer = Vec::new();
            let mut writer = PdfWriter::new_with_writer(&mut buffer);

            // Normal name
            writer.write_name("Type").unwrap();
            assert_eq!(String::from_utf8_lossy(&buffer), "/Type");

            buffer.clear();
            writer.write_name("Name With Spaces").unwrap();
            let content = String::from_utf8_lossy(&buffer);
            assert!(content.starts_with("/"));
            assert!(content.contains("#20")); // Space encoded as #20

            buffer.clear();
            writer.write_name("Special#Characters").unwrap();
            let content = String::from_utf8_lossy(&buffer);
            assert!(content.contains("#23")); // # encoded as #23
        }

        #[test]
        fn test_write_real_number() {
            let mut buffer = Vec::new();
            let mut writer = PdfWriter::new_with_writer(&mut buffer);

            writer.write_real(3.14159).unwrap();
            assert_eq!(String::from_utf8_lossy(&buffer), "3.14159");

            buffer.clear();
            writer.write_real(0.0).unwrap();
            assert_eq!(String::from_utf8_lossy(&buffer), "0");

            buffer.clear();
            writer.write_real(-123.456).unwrap();
            assert_eq!(String::from_utf8_lossy(&buffer), "-123.456");

            buffer.clear();
            writer.write_real(1000.0).unwrap();
            assert_eq!(String::from_utf8_lossy(&buffer), "1000");
        }

        #[test]
        fn test_write_array() {
            let mut buffer = Vec::new();
            let mut writer = PdfWriter::new_with_writer(&mut buffer);

            let array = vec![
                PdfObject::Integer(1),
                PdfObject::Real(2.5),
                PdfObject::Name(PdfName::new("Test".to_string())),
                PdfObject::Boolean(true),
                PdfObject::Null,
            ];

            writer.write_array(&array).unwrap();
            let content = String::from_utf8_lossy(&buffer);

            assert!(content.starts_with("["));
            assert!(content.ends_with("]"));
            assert!(content.contains("1"));
            assert!(content.contains("2.5"));
            assert!(content.contains("/Test"));
            assert!(content.contains("true"));
            assert!(content.contains("null"));
        }

        #[test]
        fn test_write_dictionary() {
            let mut buffer = Vec::new();
            let mut writer = PdfWriter::new_with_writer(&mut buffer);

            let mut dict = HashMap::new();
            dict.insert(PdfName::new("Type".to_string()),
                       PdfObject::Name(PdfName::new("Page".to_string())));
            dict.insert(PdfName::new("Count".to_string()),
                       PdfObject::Integer(10));
            dict.insert(PdfName::new("Kids".to_string()),
                       PdfObject::Array(vec![PdfObject::Reference(1, 0)]));

            writer.write_dictionary(&dict).unwrap();
            let content = String::from_utf8_lossy(&buffer);

            assert!(content.starts_with("<<"));
            assert!(content.ends_with(">>"));
            assert!(content.contains("/Type /Page"));
            assert!(content.contains("/Count 10"));
            assert!(content.contains("/Kids [1 0 R]"));
        }

        #[test]
        fn test_write_stream() {
            let mut buffer = Vec::new();
            let mut writer = PdfWriter::new_with_writer(&mut buffer);

            let mut dict = HashMap::new();
            dict.insert(PdfName::new("Length".to_string()),
                       PdfObject::Integer(20));

            let data = b"This is stream data.";
            writer.write_stream(&dict, data).unwrap();

            let content = String::from_utf8_lossy(&buffer);
            assert!(content.contains("<<"));
            assert!(content.contains("/Length 20"));
            assert!(content.contains(">>"));
            assert!(content.contains("stream\n"));
            assert!(content.contains("This is stream data."));
            assert!(content.contains("\nendstream"));
        }

        #[test]
        fn test_write_indirect_object() {
            let mut buffer = Vec::new();
            let mut writer = PdfWriter::new_with_writer(&mut buffer);

            let obj = PdfObject::Dictionary({
                let mut dict = HashMap::new();
                dict.insert(PdfName::new("Type".to_string()),
                           PdfObject::Name(PdfName::new("Catalog".to_string())));
                dict
            });

            writer.write_indirect_object(1, 0, &obj).unwrap();
            let content = String::from_utf8_lossy(&buffer);

            assert!(content.starts_with("1 0 obj"));
            assert!(content.contains("<<"));
            assert!(content.contains("/Type /Catalog"));
            assert!(content.contains(">>"));
            assert!(content.ends_with("endobj\n"));
        }

        #[test]
        fn test_write_xref_entry() {
            let mut buffer = Vec::new();
            let mut writer = PdfWriter::new_with_writer(&mut buffer);

            writer.write_xref_entry(0, 65535, 'f').unwrap();
            assert_eq!(String::from_utf8_lossy(&buffer), "0000000000 65535 f \n");

            buffer.clear();
            writer.write_xref_entry(123456, 0, 'n').unwrap();
            assert_eq!(String::from_utf8_lossy(&buffer), "0000123456 00000 n \n");

            buffer.clear();
            writer.write_xref_entry(9999999999, 99, 'n').unwrap();
            assert_eq!(String::from_utf8_lossy(&buffer), "9999999999 00099 n \n");
        }

        #[test]
        fn test_write_trailer() {
            let mut buffer = Vec::new();
            let mut writer = PdfWriter::new_with_writer(&mut buffer);

            let mut trailer_dict = HashMap::new();
            trailer_dict.insert(PdfName::new("Size".to_string()),
                              PdfObject::Integer(10));
            trailer_dict.insert(PdfName::new("Root".to_string()),
                              PdfObject::Reference(1, 0));
            trailer_dict.insert(PdfName::new("Info".to_string()),
                              PdfObject::Reference(2, 0));

            writer.write_trailer(&trailer_dict, 12345).unwrap();
            let content = String::from_utf8_lossy(&buffer);

            assert!(content.starts_with("trailer\n"));
            assert!(content.contains("<<"));
            assert!(content.contains("/Size 10"));
            assert!(content.contains("/Root 1 0 R"));
            assert!(content.contains("/Info 2 0 R"));
            assert!(content.contains(">>"));
            assert!(content.contains("startxref\n12345\n%%EOF"));
        }

        #[test]
        fn test_compress_stream_data() {
            let mut writer = PdfWriter::new(&mut Vec::new());

            let data = b"This is some text that should be compressed. It contains repeated patterns patterns patterns.";
            let compressed = writer.compress_stream(data).unwrap();

            // Compressed data should have compression header
            assert!(compressed.len() > 0);

            // Decompress to verify
            use flate2::read::ZlibDecoder;
            use std::io::Read;
            let mut decoder = ZlibDecoder::new(&compressed[..]);
            let mut decompressed = Vec::new();
            decoder.read_to_end(&mut decompressed).unwrap();

            assert_eq!(decompressed, data);
        }

        #[test]
        fn test_write_pages_tree() {
            let mut buffer = Vec::new();
            let mut document = Document::new();

            // Add multiple pages with different sizes
            document.add_page(Page::a4());
            document.add_page(Page::a3());
            document.add_page(Page::letter());

            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            writer.write_document(&mut document).unwrap();

            let content = String::from_utf8_lossy(&buffer);

            // Should have pages object
            assert!(content.contains("/Type /Pages"));
            assert!(content.contains("/Count 3"));
            assert!(content.contains("/Kids ["));

            // Should have individual page objects
            assert!(content.contains("/Type /Page"));
            assert!(content.contains("/Parent "));
            assert!(content.contains("/MediaBox ["));
        }

        #[test]
        fn test_write_font_resources() {
            let mut buffer = Vec::new();
            let mut document = Document::new();

            let mut page = Page::a4();
            page.text()
                .set_font(Font::Helvetica, 12.0)
                .at(100.0, 700.0)
                .write("Helvetica")
                .unwrap();
            page.text()
                .set_font(Font::Times, 14.0)
                .at(100.0, 680.0)
                .write("Times")
                .unwrap();
            page.text()
                .set_font(Font::Courier, 10.0)
                .at(100.0, 660.0)
                .write("Courier")
                .unwrap();

            document.add_page(page);

            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            writer.write_document(&mut document).unwrap();

            let content = String::from_utf8_lossy(&buffer);

            // Should have font resources
            assert!(content.contains("/Font <<"));
            assert!(content.contains("/Type /Font"));
            assert!(content.contains("/Subtype /Type1"));
            assert!(content.contains("/BaseFont /Helvetica"));
            assert!(content.contains("/BaseFont /Times-Roman"));
            assert!(content.contains("/BaseFont /Courier"));
        }

        #[test]
        fn test_write_image_xobject() {
            let mut buffer = Vec::new();
            let mut document = Document::new();

            let mut page = Page::a4();
            // Simulate adding an image (would need actual image data in real usage)
            // This test verifies the structure is written correctly

            document.add_page(page);

            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            writer.write_document(&mut document).unwrap();

            let content = String::from_utf8_lossy(&buffer);

            // Basic structure should be present
            assert!(content.contains("/Resources"));
        }

        #[test]
        fn test_write_document_with_metadata() {
            let mut buffer = Vec::new();
            let mut document = Document::new();

            document.set_title("Test Document");
            document.set_author("Test Author");
            document.set_subject("Test Subject");
            document.set_keywords(vec!["test".to_string(), "pdf".to_string()]);
            document.set_creator("Test Creator");
            document.set_producer("oxidize-pdf");

            document.add_page(Page::a4());

            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            writer.write_document(&mut document).unwrap();

            let content = String::from_utf8_lossy(&buffer);

            // Should have info dictionary
            assert!(content.contains("/Title (Test Document)"));
            assert!(content.contains("/Author (Test Author)"));
            assert!(content.contains("/Subject (Test Subject)"));
            assert!(content.contains("/Keywords (test, pdf)"));
            assert!(content.contains("/Creator (Test Creator)"));
            assert!(content.contains("/Producer (oxidize-pdf)"));
            assert!(content.contains("/CreationDate"));
            assert!(content.contains("/ModDate"));
        }

        #[test]
        fn test_write_cross_reference_stream() {
            let mut buffer = Vec::new();
            let config = WriterConfig {
                use_xref_streams: true,
            use_object_streams: false,
                pdf_version: "1.5".to_string(),
                compress_streams: true,
            incremental_update: false,
            };

            let mut writer = PdfWriter::with_config(&mut buffer, config);
            let mut document = Document::new();
            document.add_page(Page::a4());

            writer.write_document(&mut document).unwrap();

            let content = buffer.clone();

            // Should contain compressed xref stream
            let content_str = String::from_utf8_lossy(&content);
            assert!(content_str.contains("/Type /XRef"));
            assert!(content_str.contains("/Filter /FlateDecode"));
            assert!(content_str.contains("/W ["));
            assert!(content_str.contains("/Index ["));
        }

        #[test]
        fn test_write_linearized_hint() {
            // Test placeholder for linearized PDF support
            let mut buffer = Vec::new();
            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            let mut document = Document::new();

            document.add_page(Page::a4());
            writer.write_document(&mut document).unwrap();

            // Linearization would add specific markers
            let content = String::from_utf8_lossy(&buffer);
            assert!(content.starts_with("%PDF-"));
        }

        #[test]
        fn test_write_encrypted_document() {
            // Test placeholder for encryption support
            let mut buffer = Vec::new();
            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            let mut document = Document::new();

            document.add_page(Page::a4());
            writer.write_document(&mut document).unwrap();

            let content = String::from_utf8_lossy(&buffer);
            // Would contain /Encrypt dictionary if implemented
            assert!(!content.contains("/Encrypt"));
        }

        #[test]
        fn test_object_number_allocation() {
            let mut writer = PdfWriter::new(&mut Vec::new());

            let obj1 = writer.allocate_object_number();
            let obj2 = writer.allocate_object_number();
            let obj3 = writer.allocate_object_number();

            assert_eq!(obj1, 1);
            assert_eq!(obj2, 2);
            assert_eq!(obj3, 3);

            // Object numbers should be sequential
            assert_eq!(obj2 - obj1, 1);
            assert_eq!(obj3 - obj2, 1);
        }

        #[test]
        fn test_write_page_content_stream() {
            let mut buffer = Vec::new();
            let mut document = Document::new();

            let mut page = Page::a4();
            page.text()
                .set_font(Font::Helvetica, 24.0)
                .at(100.0, 700.0)
                .write("Hello, PDF!")
                .unwrap();

            page.graphics()
                .move_to(100.0, 600.0)
                .line_to(500.0, 600.0)
                .stroke();

            document.add_page(page);

            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            writer.write_document(&mut document).unwrap();

            let content = String::from_utf8_lossy(&buffer);

            // Should have content stream with text and graphics operations
            assert!(content.contains("BT")); // Begin text
            assert!(content.contains("ET")); // End text
            assert!(content.contains("Tf")); // Set font
            assert!(content.contains("Td")); // Position text
            assert!(content.contains("Tj")); // Show text
            assert!(content.contains(" m ")); // Move to
            assert!(content.contains(" l ")); // Line to
            assert!(content.contains(" S")); // Stroke
        }
    }

    #[test]
    fn test_writer_config_default() {
        let config = WriterConfig::default();
        assert!(!config.use_xref_streams);
        assert_eq!(config.pdf_version, "1.7");
        assert!(config.compress_streams);
    }

    #[test]
    fn test_writer_config_custom() {
        let config = WriterConfig {
            use_xref_streams: true,
            use_object_streams: false,
            pdf_version: "2.0".to_string(),
            compress_streams: false,
            incremental_update: false,
        };
        assert!(config.use_xref_streams);
        assert_eq!(config.pdf_version, "2.0");
        assert!(!config.compress_streams);
    }

    #[test]
    fn test_pdf_writer_new() {
        let buffer = Vec::new();
        let writer = PdfWriter::new_with_writer(buffer);
        assert_eq!(writer.current_position, 0);
        assert_eq!(writer.next_object_id, 1);
        assert!(writer.catalog_id.is_none());
        assert!(writer.pages_id.is_none());
        assert!(writer.info_id.is_none());
    }

    #[test]
    fn test_pdf_writer_with_config() {
        let config = WriterConfig {
            use_xref_streams: true,
            use_object_streams: false,
            pdf_version: "1.5".to_string(),
            compress_streams: false,
            incremental_update: false,
        };
        let buffer = Vec::new();
        let writer = PdfWriter::with_config(buffer, config.clone());
        assert_eq!(writer.config.pdf_version, "1.5");
        assert!(writer.config.use_xref_streams);
        assert!(!writer.config.compress_streams);
    }

    #[test]
    fn test_allocate_object_id() {
        let buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(buffer);

        let id1 = writer.allocate_object_id().expect("test object ID allocation");
        assert_eq!(id1, ObjectId::new(1, 0));

        let id2 = writer.allocate_object_id().expect("test object ID allocation");
        assert_eq!(id2, ObjectId::new(2, 0));

        let id3 = writer.allocate_object_id().expect("test object ID allocation");
        assert_eq!(id3, ObjectId::new(3, 0));

        assert_eq!(writer.next_object_id, 4);
    }

    #[test]
    fn test_write_header_version() {
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            writer.write_header().unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.starts_with("%PDF-1.7\n"));
        // Binary comment should be present
        assert!(buffer.len() > 10);
        assert_eq!(buffer[9], b'%');
    }

    #[test]
    fn test_write_header_custom_version() {
        let mut buffer = Vec::new();
        {
            let config = WriterConfig {
                pdf_version: "2.0".to_string(),
                ..Default::default()
            };
            let mut writer = PdfWriter::with_config(&mut buffer, config);
            writer.write_header().unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.starts_with("%PDF-2.0\n"));
    }

    #[test]
    fn test_write_object_integer() {
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            let obj_id = ObjectId::new(1, 0);
            let obj = Object::Integer(42);
            writer.write_object(obj_id, obj).unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("1 0 obj"));
        assert!(content.contains("42"));
        assert!(content.contains("endobj"));
    }

    #[test]
    fn test_write_dictionary_object() {
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            let obj_id = ObjectId::new(1, 0);

            let mut dict = Dictionary::new();
            dict.set("Type", Object::Name("Test".to_string()));
            dict.set("Count", Object::Integer(5));

            writer
                .write_object(obj_id, Object::Dictionary(dict))
                .unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("1 0 obj"));
        assert!(content.contains("/Type /Test"));
        assert!(content.contains("/Count 5"));
        assert!(content.contains("endobj"));
    }

    #[test]
    fn test_write_array_object() {
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            let obj_id = ObjectId::new(1, 0);

            let array = vec![Object::Integer(1), Object::Integer(2), Object::Integer(3)];

            writer.write_object(obj_id, Object::Array(array)).unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("1 0 obj"));
        assert!(content.contains("[1 2 3]"));
        assert!(content.contains("endobj"));
    }

    #[test]
    fn test_write_string_object() {
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            let obj_id = ObjectId::new(1, 0);

            writer
                .write_object(obj_id, Object::String("Hello PDF".to_string()))
                .unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("1 0 obj"));
        assert!(content.contains("(Hello PDF)"));
        assert!(content.contains("endobj"));
    }

    #[test]
    fn test_write_reference_object() {
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);

            let mut dict = Dictionary::new();
            dict.set("Parent", Object::Reference(ObjectId::new(2, 0)));

            writer
                .write_object(ObjectId::new(1, 0), Object::Dictionary(dict))
                .unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("/Parent 2 0 R"));
    }

    // test_write_stream_object removed due to API differences

    #[test]
    fn test_write_boolean_objects() {
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);

            writer
                .write_object(ObjectId::new(1, 0), Object::Boolean(true))
                .unwrap();
            writer
                .write_object(ObjectId::new(2, 0), Object::Boolean(false))
                .unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("1 0 obj"));
        assert!(content.contains("true"));
        assert!(content.contains("2 0 obj"));
        assert!(content.contains("false"));
    }

    #[test]
    fn test_write_real_object() {
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);

            writer
                .write_object(ObjectId::new(1, 0), Object::Real(3.14159))
                .unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("1 0 obj"));
        assert!(content.contains("3.14159"));
    }

    #[test]
    fn test_write_null_object() {
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);

            writer
                .write_object(ObjectId::new(1, 0), Object::Null)
                .unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("1 0 obj"));
        assert!(content.contains("null"));
    }

    #[test]
    fn test_write_nested_structures() {
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);

            let mut inner_dict = Dictionary::new();
            inner_dict.set("Key", Object::String("Value".to_string()));

            let mut outer_dict = Dictionary::new();
            outer_dict.set("Inner", Object::Dictionary(inner_dict));
            outer_dict.set(
                "Array",
                Object::Array(vec![Object::Integer(1), Object::Name("Test".to_string())]),
            );

            writer
                .write_object(ObjectId::new(1, 0), Object::Dictionary(outer_dict))
                .unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("/Inner <<"));
        assert!(content.contains("/Key (Value)"));
        assert!(content.contains("/Array [1 /Test]"));
    }

    #[test]
    fn test_xref_positions_tracking() {
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);

            let id1 = ObjectId::new(1, 0);
            let id2 = ObjectId::new(2, 0);

            writer.write_object(id1, Object::Integer(1)).unwrap();
            let pos1 = writer.xref_positions.get(&id1).copied();
            assert!(pos1.is_some());

            writer.write_object(id2, Object::Integer(2)).unwrap();
            let pos2 = writer.xref_positions.get(&id2).copied();
            assert!(pos2.is_some());

            // Position 2 should be after position 1
            assert!(pos2.unwrap() > pos1.unwrap());
        }
    }

    #[test]
    fn test_write_info_basic() {
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            writer.info_id = Some(ObjectId::new(3, 0));

            let mut document = Document::new();
            document.set_title("Test Document");
            document.set_author("Test Author");

            writer.write_info(&document).unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("3 0 obj"));
        assert!(content.contains("/Title (Test Document)"));
        assert!(content.contains("/Author (Test Author)"));
        assert!(content.contains("/Producer"));
        assert!(content.contains("/CreationDate"));
    }

    #[test]
    fn test_write_info_with_all_metadata() {
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            writer.info_id = Some(ObjectId::new(3, 0));

            let mut document = Document::new();
            document.set_title("Title");
            document.set_author("Author");
            document.set_subject("Subject");
            document.set_keywords("keyword1, keyword2");
            document.set_creator("Creator");

            writer.write_info(&document).unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("/Title (Title)"));
        assert!(content.contains("/Author (Author)"));
        assert!(content.contains("/Subject (Subject)"));
        assert!(content.contains("/Keywords (keyword1, keyword2)"));
        assert!(content.contains("/Creator (Creator)"));
    }

    #[test]
    fn test_write_catalog_basic() {
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            writer.catalog_id = Some(ObjectId::new(1, 0));
            writer.pages_id = Some(ObjectId::new(2, 0));

            let mut document = Document::new();
            writer.write_catalog(&mut document).unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("1 0 obj"));
        assert!(content.contains("/Type /Catalog"));
        assert!(content.contains("/Pages 2 0 R"));
    }

    #[test]
    fn test_write_catalog_with_outline() {
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            writer.catalog_id = Some(ObjectId::new(1, 0));
            writer.pages_id = Some(ObjectId::new(2, 0));

            let mut document = Document::new();
            let mut outline = crate::structure::OutlineTree::new();
            outline.add_item(crate::structure::OutlineItem::new("Chapter 1"));
            document.outline = Some(outline);

            writer.write_catalog(&mut document).unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("/Type /Catalog"));
        assert!(content.contains("/Outlines"));
    }

    #[test]
    fn test_write_xref_basic() {
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);

            // Add some objects to xref
            writer.xref_positions.insert(ObjectId::new(0, 65535), 0);
            writer.xref_positions.insert(ObjectId::new(1, 0), 15);
            writer.xref_positions.insert(ObjectId::new(2, 0), 100);

            writer.write_xref().unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("xref"));
        assert!(content.contains("0 3")); // 3 objects starting at 0
        assert!(content.contains("0000000000 65535 f"));
        assert!(content.contains("0000000015 00000 n"));
        assert!(content.contains("0000000100 00000 n"));
    }

    #[test]
    fn test_write_trailer_complete() {
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            writer.catalog_id = Some(ObjectId::new(1, 0));
            writer.info_id = Some(ObjectId::new(2, 0));

            // Add some objects
            writer.xref_positions.insert(ObjectId::new(0, 65535), 0);
            writer.xref_positions.insert(ObjectId::new(1, 0), 15);
            writer.xref_positions.insert(ObjectId::new(2, 0), 100);

            writer.write_trailer(1000).unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("trailer"));
        assert!(content.contains("/Size 3"));
        assert!(content.contains("/Root 1 0 R"));
        assert!(content.contains("/Info 2 0 R"));
        assert!(content.contains("startxref"));
        assert!(content.contains("1000"));
        assert!(content.contains("%%EOF"));
    }

    // escape_string test removed - method is private

    // format_date test removed - method is private

    #[test]
    fn test_write_bytes_tracking() {
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);

            let data = b"Test data";
            writer.write_bytes(data).unwrap();
            assert_eq!(writer.current_position, data.len() as u64);

            writer.write_bytes(b" more").unwrap();
            assert_eq!(writer.current_position, (data.len() + 5) as u64);
        }

        assert_eq!(buffer, b"Test data more");
    }

    #[test]
    fn test_complete_document_write() {
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            let mut document = Document::new();

            // Add a page
            let page = crate::page::Page::new(612.0, 792.0);
            document.add_page(page);

            // Set metadata
            document.set_title("Test PDF");
            document.set_author("Test Suite");

            // Write the document
            writer.write_document(&mut document).unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);

        // Check PDF structure
        assert!(content.starts_with("%PDF-"));
        assert!(content.contains("/Type /Catalog"));
        assert!(content.contains("/Type /Pages"));
        assert!(content.contains("/Type /Page"));
        assert!(content.contains("/Title (Test PDF)"));
        assert!(content.contains("/Author (Test Suite)"));
        assert!(content.contains("xref") || content.contains("/Type /XRef"));
        assert!(content.ends_with("%%EOF\n"));
    }

    // ========== NEW COMPREHENSIVE TESTS ==========

    #[test]
    fn test_writer_resource_cleanup() {
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);

            // Allocate many object IDs to test cleanup
            let ids: Vec<_> = (0..100).map(|_| writer.allocate_object_id().expect("test object ID allocation")).collect();

            // Verify all IDs are unique and sequential
            for (i, &id) in ids.iter().enumerate() {
                assert_eq!(id, (i + 1) as u32);
            }

            // Test that we can still allocate after cleanup
            let next_id = writer.allocate_object_id().expect("test object ID allocation");
            assert_eq!(next_id, 101);
        }
        // Writer should be properly dropped here
    }

    #[test]
    fn test_writer_concurrent_safety() {
        use std::sync::{Arc, Mutex};
        use std::thread;

        let buffer = Arc::new(Mutex::new(Vec::new()));
        let buffer_clone = Arc::clone(&buffer);

        let handle = thread::spawn(move || {
            let mut buf = buffer_clone.lock().unwrap();
            let mut writer = PdfWriter::new_with_writer(&mut *buf);

            // Simulate concurrent operations
            for i in 0..10 {
                let id = writer.allocate_object_id().expect("test object ID allocation");
                assert_eq!(id, (i + 1) as u32);
            }

            // Write some data
            writer.write_bytes(b"Thread test").unwrap();
        });

        handle.join().unwrap();

        let buffer = buffer.lock().unwrap();
        assert_eq!(&*buffer, b"Thread test");
    }

    #[test]
    fn test_writer_memory_efficiency() {
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);

            // Test that large objects don't cause excessive memory usage
            let large_data = vec![b'X'; 10_000];
            writer.write_bytes(&large_data).unwrap();

            // Verify position tracking is accurate
            assert_eq!(writer.current_position, 10_000);

            // Write more data
            writer.write_bytes(b"END").unwrap();
            assert_eq!(writer.current_position, 10_003);
        }

        // Verify buffer contents
        assert_eq!(buffer.len(), 10_003);
        assert_eq!(&buffer[10_000..], b"END");
    }

    #[test]
    fn test_writer_edge_case_handling() {
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);

            // Test empty writes
            writer.write_bytes(b"").unwrap();
            assert_eq!(writer.current_position, 0);

            // Test single byte writes
            writer.write_bytes(b"A").unwrap();
            assert_eq!(writer.current_position, 1);

            // Test null bytes
            writer.write_bytes(b"\0").unwrap();
            assert_eq!(writer.current_position, 2);

            // Test high ASCII values
            writer.write_bytes(b"\xFF\xFE").unwrap();
            assert_eq!(writer.current_position, 4);
        }

        assert_eq!(buffer, vec![b'A', 0, 0xFF, 0xFE]);
    }

    #[test]
    fn test_writer_cross_reference_consistency() {
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            let mut document = Document::new();

            // Create a document with multiple objects
            for i in 0..5 {
                let page = crate::page::Page::new(612.0, 792.0);
                document.add_page(page);
            }

            document.set_title(&format!("Test Document {}", std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()));

            writer.write_document(&mut document).unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);

        // Verify cross-reference structure
        if content.contains("xref") {
            // Traditional xref table
            assert!(content.contains("0000000000 65535 f"));
            assert!(content.contains("0000000000 00000 n") || content.contains("trailer"));
        } else {
            // XRef stream
            assert!(content.contains("/Type /XRef"));
        }

        // Should have proper trailer
        assert!(content.contains("/Size"));
        assert!(content.contains("/Root"));
    }

    #[test]
    fn test_writer_config_validation() {
        let mut config = WriterConfig::default();
        assert_eq!(config.pdf_version, "1.7");
        assert!(!config.use_xref_streams);
        assert!(config.compress_streams);

        // Test custom configuration
        config.pdf_version = "1.4".to_string();
        config.use_xref_streams = true;
        config.compress_streams = false;

        let buffer = Vec::new();
        let writer = PdfWriter::with_config(buffer, config.clone());
        assert_eq!(writer.config.pdf_version, "1.4");
        assert!(writer.config.use_xref_streams);
        assert!(!writer.config.compress_streams);
    }

    #[test]
    fn test_pdf_version_validation() {
        let test_versions = ["1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "2.0"];

        for version in &test_versions {
            let mut config = WriterConfig::default();
            config.pdf_version = version.to_string();

            let mut buffer = Vec::new();
            {
                let mut writer = PdfWriter::with_config(&mut buffer, config);
                writer.write_header().unwrap();
            }

            let content = String::from_utf8_lossy(&buffer);
            assert!(content.starts_with(&format!("%PDF-{}", version)));
        }
    }

    #[test]
    fn test_object_id_allocation_sequence() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Test sequential allocation
        let id1 = writer.allocate_object_id().expect("test object ID allocation");
        let id2 = writer.allocate_object_id().expect("test object ID allocation");
        let id3 = writer.allocate_object_id().expect("test object ID allocation");

        assert_eq!(id1.number(), 1);
        assert_eq!(id2.number(), 2);
        assert_eq!(id3.number(), 3);
        assert_eq!(id1.generation(), 0);
        assert_eq!(id2.generation(), 0);
        assert_eq!(id3.generation(), 0);
    }

    #[test]
    fn test_xref_position_tracking() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let id1 = ObjectId::new(1, 0);
        let id2 = ObjectId::new(2, 0);

        // Write first object
        writer.write_header().unwrap();
        let pos1 = writer.current_position;
        writer.write_object(id1, Object::Integer(42)).unwrap();

        // Write second object
        let pos2 = writer.current_position;
        writer.write_object(id2, Object::String("test".to_string())).unwrap();

        // Verify positions are tracked
        assert_eq!(writer.xref_positions.get(&id1), Some(&pos1));
        assert_eq!(writer.xref_positions.get(&id2), Some(&pos2));
        assert!(pos2 > pos1);
    }

    #[test]
    fn test_binary_header_generation() {
        let mut buffer = Vec::new();
        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            writer.write_header().unwrap();
        }

        // Check binary comment is present
        assert!(buffer.len() > 10);
        assert_eq!(&buffer[0..5], b"%PDF-");

        // Find the binary comment line
        let content = buffer.as_slice();
        let mut found_binary = false;
        for i in 0..content.len() - 5 {
            if content[i] == b'%' && content[i + 1] == 0xE2 {
                found_binary = true;
                break;
            }
        }
        assert!(found_binary, "Binary comment marker not found");
    }

    #[test]
    fn test_large_object_handling() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Create a large string object
        let large_string = "A".repeat(10000);
        let id = ObjectId::new(1, 0);

        writer.write_object(id, Object::String(large_string.clone())).unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("1 0 obj"));
        assert!(content.contains(&large_string));
        assert!(content.contains("endobj"));
    }

    #[test]
    fn test_unicode_string_encoding() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let unicode_strings = vec![
            "Hello 世界",
            "café",
            "🎯 emoji test",
            "Ω α β γ δ",
            "\u{FEFF}BOM test",
        ];

        for (i, s) in unicode_strings.iter().enumerate() {
            let id = ObjectId::new((i + 1) as u32, 0);
            writer.write_object(id, Object::String(s.to_string())).unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        // Verify objects are written properly
        assert!(content.contains("1 0 obj"));
        assert!(content.contains("2 0 obj"));
    }

    #[test]
    fn test_special_characters_in_names() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let special_names = vec![
            "Name With Spaces",
            "Name#With#Hash",
            "Name/With/Slash",
            "Name(With)Parens",
            "Name[With]Brackets",
            "",
        ];

        for (i, name) in special_names.iter().enumerate() {
            let id = ObjectId::new((i + 1) as u32, 0);
            writer.write_object(id, Object::Name(name.to_string())).unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        // Names should be properly escaped
        assert!(content.contains("Name#20With#20Spaces") || content.contains("Name With Spaces"));
    }

    #[test]
    fn test_deep_nested_structures() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Create deeply nested dictionary
        let mut current = Dictionary::new();
        current.set("Level", Object::Integer(0));

        for i in 1..=10 {
            let mut next = Dictionary::new();
            next.set("Level", Object::Integer(i));
            next.set("Parent", Object::Dictionary(current));
            current = next;
        }

        let id = ObjectId::new(1, 0);
        writer.write_object(id, Object::Dictionary(current)).unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("1 0 obj"));
        assert!(content.contains("/Level"));
    }

    #[test]
    fn test_xref_stream_vs_table_consistency() {
        let mut document = Document::new();
        document.add_page(crate::page::Page::new(612.0, 792.0));

        // Test with traditional xref table
        let mut buffer_table = Vec::new();
        {
            let config = WriterConfig {
                use_xref_streams: false,
                ..Default::default()
            };
            let mut writer = PdfWriter::with_config(&mut buffer_table, config);
            writer.write_document(&mut document.clone()).unwrap();
        }

        // Test with xref stream
        let mut buffer_stream = Vec::new();
        {
            let config = WriterConfig {
                use_xref_streams: true,
                ..Default::default()
            };
            let mut writer = PdfWriter::with_config(&mut buffer_stream, config);
            writer.write_document(&mut document.clone()).unwrap();
        }

        let content_table = String::from_utf8_lossy(&buffer_table);
        let content_stream = String::from_utf8_lossy(&buffer_stream);

        // Both should be valid PDFs
        assert!(content_table.starts_with("%PDF-"));
        assert!(content_stream.starts_with("%PDF-"));

        // Traditional should have xref table
        assert!(content_table.contains("xref"));
        assert!(content_table.contains("trailer"));

        // Stream version should have XRef object
        assert!(content_stream.contains("/Type /XRef") || content_stream.contains("xref"));
    }

    #[test]
    fn test_compression_flag_effects() {
        let mut document = Document::new();
        let mut page = crate::page::Page::new(612.0, 792.0);
        let mut gc = page.graphics();
        gc.show_text("Test content with compression").unwrap();
        document.add_page(page);

        // Test with compression enabled
        let mut buffer_compressed = Vec::new();
        {
            let config = WriterConfig {
                compress_streams: true,
            incremental_update: false,
                ..Default::default()
            };
            let mut writer = PdfWriter::with_config(&mut buffer_compressed, config);
            writer.write_document(&mut document.clone()).unwrap();
        }

        // Test with compression disabled
        let mut buffer_uncompressed = Vec::new();
        {
            let config = WriterConfig {
                compress_streams: false,
            incremental_update: false,
                ..Default::default()
            };
            let mut writer = PdfWriter::with_config(&mut buffer_uncompressed, config);
            writer.write_document(&mut document.clone()).unwrap();
        }

        // Compressed version should be smaller (usually)
        // Note: For small content, overhead might make it larger
        assert!(buffer_compressed.len() > 0);
        assert!(buffer_uncompressed.len() > 0);
    }

    #[test]
    fn test_empty_document_handling() {
        let mut buffer = Vec::new();
        let mut document = Document::new();

        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            writer.write_document(&mut document).unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.starts_with("%PDF-"));
        assert!(content.contains("/Type /Catalog"));
        assert!(content.contains("/Type /Pages"));
        assert!(content.contains("/Count 0"));
        assert!(content.ends_with("%%EOF\n"));
    }

    #[test]
    fn test_object_reference_resolution() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let id1 = ObjectId::new(1, 0);
        let id2 = ObjectId::new(2, 0);

        // Create objects that reference each other
        let mut dict1 = Dictionary::new();
        dict1.set("Type", Object::Name("Test".to_string()));
        dict1.set("Reference", Object::Reference(id2));

        let mut dict2 = Dictionary::new();
        dict2.set("Type", Object::Name("Test2".to_string()));
        dict2.set("BackRef", Object::Reference(id1));

        writer.write_object(id1, Object::Dictionary(dict1)).unwrap();
        writer.write_object(id2, Object::Dictionary(dict2)).unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("1 0 obj"));
        assert!(content.contains("2 0 obj"));
        assert!(content.contains("2 0 R"));
        assert!(content.contains("1 0 R"));
    }

    #[test]
    fn test_metadata_field_encoding() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let mut document = Document::new();
        document.set_title("Test Title with Ümlauts");
        document.set_author("Authör Name");
        document.set_subject("Subject with 中文");
        document.set_keywords("keyword1, keyword2, ключевые слова");

        writer.write_document(&mut document).unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("/Title"));
        assert!(content.contains("/Author"));
        assert!(content.contains("/Subject"));
        assert!(content.contains("/Keywords"));
    }

    #[test]
    fn test_object_generation_numbers() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Test different generation numbers
        let id_gen0 = ObjectId::new(1, 0);
        let id_gen1 = ObjectId::new(1, 1);
        let id_gen5 = ObjectId::new(2, 5);

        writer.write_object(id_gen0, Object::Integer(0)).unwrap();
        writer.write_object(id_gen1, Object::Integer(1)).unwrap();
        writer.write_object(id_gen5, Object::Integer(5)).unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("1 0 obj"));
        assert!(content.contains("1 1 obj"));
        assert!(content.contains("2 5 obj"));
    }

    #[test]
    fn test_array_serialization_edge_cases() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let test_arrays = vec![
            // Empty array
            vec![],
            // Single element
            vec![Object::Integer(42)],
            // Mixed types
            vec![
                Object::Integer(1),
                Object::Real(3.14),
                Object::String("test".to_string()),
                Object::Name("TestName".to_string()),
                Object::Boolean(true),
                Object::Null,
            ],
            // Nested arrays
            vec![
                Object::Array(vec![Object::Integer(1), Object::Integer(2)]),
                Object::Array(vec![Object::String("a".to_string()), Object::String("b".to_string())]),
            ],
        ];

        for (i, array) in test_arrays.iter().enumerate() {
            let id = ObjectId::new((i + 1) as u32, 0);
            writer.write_object(id, Object::Array(array.clone())).unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("[]")); // Empty array
        assert!(content.contains("[42]")); // Single element
        assert!(content.contains("true")); // Boolean
        assert!(content.contains("null")); // Null
    }

    #[test]
    fn test_real_number_precision() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let test_reals = vec![
            0.0,
            1.0,
            -1.0,
            3.14159265359,
            0.000001,
            1000000.5,
            -0.123456789,
            std::f64::consts::E,
            std::f64::consts::PI,
        ];

        for (i, real) in test_reals.iter().enumerate() {
            let id = ObjectId::new((i + 1) as u32, 0);
            writer.write_object(id, Object::Real(*real)).unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("3.14159"));
        assert!(content.contains("0.000001"));
        assert!(content.contains("1000000.5"));
    }

    #[test]
    fn test_circular_reference_detection() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let id1 = ObjectId::new(1, 0);
        let id2 = ObjectId::new(2, 0);

        // Create circular reference (should not cause infinite loop)
        let mut dict1 = Dictionary::new();
        dict1.set("Ref", Object::Reference(id2));

        let mut dict2 = Dictionary::new();
        dict2.set("Ref", Object::Reference(id1));

        writer.write_object(id1, Object::Dictionary(dict1)).unwrap();
        writer.write_object(id2, Object::Dictionary(dict2)).unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("1 0 obj"));
        assert!(content.contains("2 0 obj"));
    }

    #[test]
    fn test_document_structure_integrity() {
        let mut buffer = Vec::new();
        let mut document = Document::new();

        // Add multiple pages with different sizes
        document.add_page(crate::page::Page::new(612.0, 792.0)); // Letter
        document.add_page(crate::page::Page::new(595.0, 842.0)); // A4
        document.add_page(crate::page::Page::new(720.0, 1008.0)); // Legal

        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            writer.write_document(&mut document).unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);

        // Verify structure
        assert!(content.contains("/Count 3"));
        assert!(content.contains("/MediaBox [0 0 612 792]"));
        assert!(content.contains("/MediaBox [0 0 595 842]"));
        assert!(content.contains("/MediaBox [0 0 720 1008]"));
    }

    #[test]
    fn test_xref_table_boundary_conditions() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Test with object 0 (free object)
        writer.xref_positions.insert(ObjectId::new(0, 65535), 0);

        // Test with high object numbers
        writer.xref_positions.insert(ObjectId::new(999999, 0), 1234567890);

        // Test with high generation numbers
        writer.xref_positions.insert(ObjectId::new(1, 65534), 100);

        writer.write_xref().unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("0000000000 65535 f"));
        assert!(content.contains("1234567890 00000 n"));
        assert!(content.contains("0000000100 65534 n"));
    }

    #[test]
    fn test_trailer_completeness() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        writer.catalog_id = Some(ObjectId::new(1, 0));
        writer.info_id = Some(ObjectId::new(2, 0));

        // Add multiple objects to ensure proper size calculation
        for i in 0..10 {
            writer.xref_positions.insert(ObjectId::new(i, 0), (i * 100) as u64);
        }

        writer.write_trailer(5000).unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("trailer"));
        assert!(content.contains("/Size 10"));
        assert!(content.contains("/Root 1 0 R"));
        assert!(content.contains("/Info 2 0 R"));
        assert!(content.contains("startxref"));
        assert!(content.contains("5000"));
        assert!(content.contains("%%EOF"));
    }

    #[test]
    fn test_position_tracking_accuracy() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let initial_pos = writer.current_position;
        assert_eq!(initial_pos, 0);

        writer.write_bytes(b"Hello").unwrap();
        assert_eq!(writer.current_position, 5);

        writer.write_bytes(b" World").unwrap();
        assert_eq!(writer.current_position, 11);

        writer.write_bytes(b"!").unwrap();
        assert_eq!(writer.current_position, 12);

        assert_eq!(buffer, b"Hello World!");
    }

    #[test]
    fn test_error_handling_write_failures() {
        // Test with a mock writer that fails
        struct FailingWriter {
            fail_after: usize,
            written: usize,
        }

        impl Write for FailingWriter {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                if self.written + buf.len() > self.fail_after {
                    Err(std::io::Error::new(std::io::ErrorKind::Other, "Mock failure"))
                } else {
                    self.written += buf.len();
                    Ok(buf.len())
                }
            }

            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }

        let failing_writer = FailingWriter { fail_after: 10, written: 0 };
        let mut writer = PdfWriter::new_with_writer(failing_writer);

        // This should fail when trying to write more than 10 bytes
        let result = writer.write_bytes(b"This is a long string that will fail");
        assert!(result.is_err());
    }

    #[test]
    fn test_object_serialization_consistency() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Test consistent serialization of the same object
        let test_obj = Object::Dictionary({
            let mut dict = Dictionary::new();
            dict.set("Type", Object::Name("Test".to_string()));
            dict.set("Value", Object::Integer(42));
            dict
        });

        let id1 = ObjectId::new(1, 0);
        let id2 = ObjectId::new(2, 0);

        writer.write_object(id1, test_obj.clone()).unwrap();
        writer.write_object(id2, test_obj.clone()).unwrap();

        let content = String::from_utf8_lossy(&buffer);

        // Both objects should have identical content except for object ID
        let lines: Vec<&str> = content.lines().collect();
        let obj1_content: Vec<&str> = lines.iter()
            .skip_while(|line| !line.contains("1 0 obj"))
            .take_while(|line| !line.contains("endobj"))
            .skip(1) // Skip the "1 0 obj" line
            .copied()
            .collect();

        let obj2_content: Vec<&str> = lines.iter()
            .skip_while(|line| !line.contains("2 0 obj"))
            .take_while(|line| !line.contains("endobj"))
            .skip(1) // Skip the "2 0 obj" line
            .copied()
            .collect();

        assert_eq!(obj1_content, obj2_content);
    }

    #[test]
    fn test_font_subsetting_integration() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Simulate used characters for font subsetting
        let mut used_chars = std::collections::HashSet::new();
        used_chars.insert('A');
        used_chars.insert('B');
        used_chars.insert('C');
        used_chars.insert(' ');

        writer.document_used_chars = Some(used_chars.clone());

        // Verify the used characters are stored
        assert!(writer.document_used_chars.is_some());
        let stored_chars = writer.document_used_chars.as_ref().unwrap();
        assert!(stored_chars.contains(&'A'));
        assert!(stored_chars.contains(&'B'));
        assert!(stored_chars.contains(&'C'));
        assert!(stored_chars.contains(&' '));
        assert!(!stored_chars.contains(&'Z'));
    }

    #[test]
    fn test_form_field_tracking() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Test form field ID tracking
        let field_id = ObjectId::new(10, 0);
        let widget_id1 = ObjectId::new(11, 0);
        let widget_id2 = ObjectId::new(12, 0);

        writer.field_id_map.insert("test_field".to_string(), field_id);
        writer.field_widget_map.insert(
            "test_field".to_string(),
            vec![widget_id1, widget_id2]
        );
        writer.form_field_ids.push(field_id);

        // Verify tracking
        assert_eq!(writer.field_id_map.get("test_field"), Some(&field_id));
        assert_eq!(writer.field_widget_map.get("test_field"), Some(&vec![widget_id1, widget_id2]));
        assert!(writer.form_field_ids.contains(&field_id));
    }

    #[test]
    fn test_page_id_tracking() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let page_ids = vec![
            ObjectId::new(5, 0),
            ObjectId::new(6, 0),
            ObjectId::new(7, 0),
        ];

        writer.page_ids = page_ids.clone();

        assert_eq!(writer.page_ids.len(), 3);
        assert_eq!(writer.page_ids[0].number(), 5);
        assert_eq!(writer.page_ids[1].number(), 6);
        assert_eq!(writer.page_ids[2].number(), 7);
    }

    #[test]
    fn test_catalog_pages_info_id_allocation() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Test that required IDs are properly allocated
        writer.catalog_id = Some(writer.allocate_object_id().expect("test object ID allocation"));
        writer.pages_id = Some(writer.allocate_object_id().expect("test object ID allocation"));
        writer.info_id = Some(writer.allocate_object_id().expect("test object ID allocation"));

        assert!(writer.catalog_id.is_some());
        assert!(writer.pages_id.is_some());
        assert!(writer.info_id.is_some());

        // IDs should be sequential
        assert_eq!(writer.catalog_id.unwrap().number(), 1);
        assert_eq!(writer.pages_id.unwrap().number(), 2);
        assert_eq!(writer.info_id.unwrap().number(), 3);
    }

    #[test]
    fn test_boolean_object_serialization() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        writer.write_object(ObjectId::new(1, 0), Object::Boolean(true)).unwrap();
        writer.write_object(ObjectId::new(2, 0), Object::Boolean(false)).unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("true"));
        assert!(content.contains("false"));
    }

    #[test]
    fn test_null_object_serialization() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        writer.write_object(ObjectId::new(1, 0), Object::Null).unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("1 0 obj"));
        assert!(content.contains("null"));
        assert!(content.contains("endobj"));
    }

    #[test]
    fn test_stream_object_handling() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let stream_data = b"This is stream content";
        let mut stream_dict = Dictionary::new();
        stream_dict.set("Length", Object::Integer(stream_data.len() as i64));

        let stream = crate::objects::Stream {
            dict: stream_dict,
            data: stream_data.to_vec(),
        };

        writer.write_object(ObjectId::new(1, 0), Object::Stream(stream)).unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("1 0 obj"));
        assert!(content.contains("/Length"));
        assert!(content.contains("stream"));
        assert!(content.contains("This is stream content"));
        assert!(content.contains("endstream"));
        assert!(content.contains("endobj"));
    }

    #[test]
    fn test_integer_boundary_values() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let test_integers = vec![
            i64::MIN,
            -1000000,
            -1,
            0,
            1,
            1000000,
            i64::MAX,
        ];

        for (i, int_val) in test_integers.iter().enumerate() {
            let id = ObjectId::new((i + 1) as u32, 0);
            writer.write_object(id, Object::Integer(*int_val)).unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains(&i64::MIN.to_string()));
        assert!(content.contains(&i64::MAX.to_string()));
    }

    #[test]
    fn test_real_number_special_values() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let test_reals = vec![
            0.0,
            -0.0,
            f64::MIN,
            f64::MAX,
            1.0 / 3.0, // Repeating decimal
            f64::EPSILON,
        ];

        for (i, real_val) in test_reals.iter().enumerate() {
            if real_val.is_finite() {
                let id = ObjectId::new((i + 1) as u32, 0);
                writer.write_object(id, Object::Real(*real_val)).unwrap();
            }
        }

        let content = String::from_utf8_lossy(&buffer);
        // Should contain some real numbers
        assert!(content.contains("0.33333") || content.contains("0.3"));
    }

    #[test]
    fn test_empty_containers() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Empty array
        writer.write_object(ObjectId::new(1, 0), Object::Array(vec![])).unwrap();

        // Empty dictionary
        writer.write_object(ObjectId::new(2, 0), Object::Dictionary(Dictionary::new())).unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("[]"));
        assert!(content.contains("<<>>") || content.contains("<< >>"));
    }

    #[test]
    fn test_write_document_with_forms() {
        let mut buffer = Vec::new();
        let mut document = Document::new();

        // Add a page
        document.add_page(crate::page::Page::new(612.0, 792.0));

        // Add form manager to trigger AcroForm creation
        document.form_manager = Some(crate::forms::FormManager::new());

        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            writer.write_document(&mut document).unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("/AcroForm") || content.contains("AcroForm"));
    }

    #[test]
    fn test_write_document_with_outlines() {
        let mut buffer = Vec::new();
        let mut document = Document::new();

        // Add a page
        document.add_page(crate::page::Page::new(612.0, 792.0));

        // Add outline tree
        let mut outline_tree = crate::document::OutlineTree::new();
        outline_tree.add_item(crate::document::OutlineItem {
            title: "Chapter 1".to_string(),
            ..Default::default()
        });
        document.outline = Some(outline_tree);

        {
            let mut writer = PdfWriter::new_with_writer(&mut buffer);
            writer.write_document(&mut document).unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("/Outlines") || content.contains("Chapter 1"));
    }

    #[test]
    fn test_string_escaping_edge_cases() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let test_strings = vec![
            "Simple string",
            "String with \\backslash",
            "String with (parentheses)",
            "String with \nnewline",
            "String with \ttab",
            "String with \rcarriage return",
            "Unicode: café",
            "Emoji: 🎯",
            "", // Empty string
        ];

        for (i, s) in test_strings.iter().enumerate() {
            let id = ObjectId::new((i + 1) as u32, 0);
            writer.write_object(id, Object::String(s.to_string())).unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        // Should contain escaped or encoded strings
        assert!(content.contains("Simple string"));
    }

    #[test]
    fn test_name_escaping_edge_cases() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        let test_names = vec![
            "SimpleName",
            "Name With Spaces",
            "Name#With#Hash",
            "Name/With/Slash",
            "Name(With)Parens",
            "Name[With]Brackets",
            "", // Empty name
        ];

        for (i, name) in test_names.iter().enumerate() {
            let id = ObjectId::new((i + 1) as u32, 0);
            writer.write_object(id, Object::Name(name.to_string())).unwrap();
        }

        let content = String::from_utf8_lossy(&buffer);
        // Names should be properly escaped or handled
        assert!(content.contains("/SimpleName"));
    }

    #[test]
    fn test_maximum_nesting_depth() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Create maximum reasonable nesting
        let mut current = Object::Integer(0);
        for i in 1..=100 {
            let mut dict = Dictionary::new();
            dict.set(&format!("Level{}", i), current);
            current = Object::Dictionary(dict);
        }

        writer.write_object(ObjectId::new(1, 0), current).unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("1 0 obj"));
        assert!(content.contains("/Level"));
    }

    #[test]
    fn test_writer_state_isolation() {
        // Test that different writers don't interfere with each other
        let mut buffer1 = Vec::new();
        let mut buffer2 = Vec::new();

        let mut writer1 = PdfWriter::new_with_writer(&mut buffer1);
        let mut writer2 = PdfWriter::new_with_writer(&mut buffer2);

        // Write different objects to each writer
        writer1.write_object(ObjectId::new(1, 0), Object::Integer(111)).unwrap();
        writer2.write_object(ObjectId::new(1, 0), Object::Integer(222)).unwrap();

        let content1 = String::from_utf8_lossy(&buffer1);
        let content2 = String::from_utf8_lossy(&buffer2);

        assert!(content1.contains("111"));
        assert!(content2.contains("222"));
        assert!(!content1.contains("222"));
        assert!(!content2.contains("111"));
    }
    */

    /* Temporarily disabled for coverage measurement
    #[test]
    fn test_font_embedding() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Test font dictionary creation
        let mut font_dict = Dictionary::new();
        font_dict.insert("Type".to_string(), PdfObject::Name(PdfName::new("Font")));
        font_dict.insert("Subtype".to_string(), PdfObject::Name(PdfName::new("Type1")));
        font_dict.insert("BaseFont".to_string(), PdfObject::Name(PdfName::new("Helvetica")));

        writer.write_object(ObjectId::new(1, 0), Object::Dictionary(font_dict)).unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("/Type /Font"));
        assert!(content.contains("/Subtype /Type1"));
        assert!(content.contains("/BaseFont /Helvetica"));
    }

    #[test]
    fn test_form_field_writing() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Create a form field dictionary
        let field_dict = Dictionary::new()
            .set("FT", Name::new("Tx")) // Text field
            .set("T", String::from("Name".as_bytes().to_vec()))
            .set("V", String::from("John Doe".as_bytes().to_vec()));

        writer.write_object(ObjectId::new(1, 0), Object::Dictionary(field_dict)).unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("/FT /Tx"));
        assert!(content.contains("(Name)"));
        assert!(content.contains("(John Doe)"));
    }

    #[test]
    fn test_write_binary_data() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Test binary stream data
        let binary_data = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]; // JPEG header
        let stream = Object::Stream(
            Dictionary::new()
                .set("Length", Object::Integer(binary_data.len() as i64))
                .set("Filter", Object::Name("DCTDecode".to_string())),
            binary_data.clone(),
        );

        writer.write_object(ObjectId::new(1, 0), stream).unwrap();

        let content = buffer.clone();
        // Verify stream structure
        let content_str = String::from_utf8_lossy(&content);
        assert!(content_str.contains("/Length 6"));
        assert!(content_str.contains("/Filter /DCTDecode"));
        // Binary data should be present
        assert!(content.windows(6).any(|window| window == &binary_data[..]));
    }

    #[test]
    fn test_write_large_dictionary() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Create a dictionary with many entries
        let mut dict = Dictionary::new();
        for i in 0..50 {
            dict = dict.set(format!("Key{}", i), Object::Integer(i));
        }

        writer.write_object(ObjectId::new(1, 0), Object::Dictionary(dict)).unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("/Key0 0"));
        assert!(content.contains("/Key49 49"));
        assert!(content.contains("<<") && content.contains(">>"));
    }

    #[test]
    fn test_write_nested_arrays() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Create nested arrays
        let inner_array = Object::Array(vec![Object::Integer(1), Object::Integer(2), Object::Integer(3)]);
        let outer_array = Object::Array(vec![
            Object::Integer(0),
            inner_array,
            Object::String("test".to_string()),
        ]);

        writer.write_object(ObjectId::new(1, 0), outer_array).unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("[0 [1 2 3] (test)]"));
    }

    #[test]
    fn test_write_object_with_generation() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Test non-zero generation number
        writer.write_object(ObjectId::new(5, 3), Object::Boolean(true)).unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("5 3 obj"));
        assert!(content.contains("true"));
        assert!(content.contains("endobj"));
    }

    #[test]
    fn test_write_empty_objects() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Test empty dictionary
        writer.write_object(ObjectId::new(1, 0), Object::Dictionary(Dictionary::new())).unwrap();
        // Test empty array
        writer.write_object(ObjectId::new(2, 0), Object::Array(vec![])).unwrap();
        // Test empty string
        writer.write_object(ObjectId::new(3, 0), Object::String(String::new())).unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("1 0 obj\n<<>>"));
        assert!(content.contains("2 0 obj\n[]"));
        assert!(content.contains("3 0 obj\n()"));
    }

    #[test]
    fn test_escape_special_chars_in_strings() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        // Test string with special characters
        let special_string = String::from("Test (with) \\backslash\\ and )parens(".as_bytes().to_vec());
        writer.write_object(ObjectId::new(1, 0), special_string).unwrap();

        let content = String::from_utf8_lossy(&buffer);
        // Should escape parentheses and backslashes
        assert!(content.contains("(Test \\(with\\) \\\\backslash\\\\ and \\)parens\\()"));
    }

    // #[test]
    // fn test_write_hex_string() {
    //     let mut buffer = Vec::new();
    //     let mut writer = PdfWriter::new_with_writer(&mut buffer);
    //
    //     // Create hex string (high bit bytes)
    //     let hex_data = vec![0xFF, 0xAB, 0xCD, 0xEF];
    //     let hex_string = Object::String(format!("{:02X}", hex_data.iter().map(|b| format!("{:02X}", b)).collect::<String>()));
    //
    //     writer.write_object(ObjectId::new(1, 0), hex_string).unwrap();
    //
    //     let content = String::from_utf8_lossy(&buffer);
    //     assert!(content.contains("FFABCDEF"));
    // }

    #[test]
    fn test_null_object() {
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);

        writer.write_object(ObjectId::new(1, 0), Object::Null).unwrap();

        let content = String::from_utf8_lossy(&buffer);
        assert!(content.contains("1 0 obj\nnull\nendobj"));
    }
    */

    #[test]
    fn test_png_transparency_smask() {
        // Test that PNG images with alpha channel generate proper SMask in PDF
        use crate::graphics::Image;
        use std::fs;
        use std::path::Path;

        // Create a larger RGBA image with gradient transparency for visual verification
        let width = 200;
        let height = 100;
        let mut rgba_data = Vec::with_capacity((width * height * 4) as usize);

        for _y in 0..height {
            for x in 0..width {
                rgba_data.push(255); // R - red
                rgba_data.push(0); // G
                rgba_data.push(0); // B
                                   // Alpha gradient from opaque (255) at left to transparent (0) at right
                let alpha = 255 - ((x * 255) / width) as u8;
                rgba_data.push(alpha); // A
            }
        }

        // Create image from RGBA data
        let image = Image::from_rgba_data(rgba_data, width, height).unwrap();

        // Verify image has transparency
        assert!(image.has_transparency(), "Image should have transparency");
        assert!(image.soft_mask().is_some(), "Image should have soft mask");

        // Create a PDF with this image
        let mut document = crate::document::Document::new();
        document.set_title("PNG Transparency Test");
        let mut page = Page::a4();
        page.add_image("transparent_img", image);
        document.add_page(page);

        // Write PDF to buffer for verification
        let mut buffer = Vec::new();
        let mut writer = PdfWriter::new_with_writer(&mut buffer);
        writer.write_document(&mut document).unwrap();

        // Verify PDF content
        let content = String::from_utf8_lossy(&buffer);

        // Should contain SMask reference for transparency
        assert!(
            content.contains("/SMask"),
            "PDF should contain /SMask entry for transparency"
        );

        // Should have an image XObject
        assert!(content.contains("/XObject"), "PDF should contain /XObject");
        assert!(
            content.contains("/Image"),
            "PDF should contain /Image subtype"
        );

        // Should have DeviceGray colorspace for the mask
        assert!(
            content.contains("/DeviceGray"),
            "PDF should contain /DeviceGray for mask"
        );

        // Should have DeviceRGB for main image
        assert!(
            content.contains("/DeviceRGB"),
            "PDF should contain /DeviceRGB for main image"
        );

        // Also save to disk for manual visual inspection
        let output_path = Path::new("examples/results/test_png_transparency_smask.pdf");
        if let Some(parent) = output_path.parent() {
            let _ = fs::create_dir_all(parent);
        }
        let _ = fs::write(output_path, &buffer);
        // Note: We don't fail the test if file write fails (e.g., in CI without examples dir)
    }
}

mod catalog_entries_tests;
mod form_filling_tests;
mod incremental_update_tests;

#[test]
fn numeric_and_binary_serialization_preserves_legacy_bytes() {
    // Historical fixed-six-decimal formatting is the compatibility oracle,
    // including extremes and values close to rounding boundaries.
    let reals = [
        0.0,
        -0.0,
        0.0000004,
        -0.0000004,
        0.0000005,
        1.2345675,
        -1.2345675,
        1e20,
        f64::MAX,
        f64::MIN,
        f64::MIN_POSITIVE,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ];
    let mut cases: Vec<(Object, Vec<u8>)> = reals
        .into_iter()
        .map(|f| {
            (
                Object::Real(f),
                format!("{f:.6}")
                    .trim_end_matches('0')
                    .trim_end_matches('.')
                    .as_bytes()
                    .to_vec(),
            )
        })
        .collect();
    for i in [i64::MIN, -1, 0, 1, i64::MAX] {
        cases.push((Object::Integer(i), i.to_string().into_bytes()));
    }
    cases.push((
        Object::Reference(ObjectId::new(u32::MAX, u16::MAX)),
        b"4294967295 65535 R".to_vec(),
    ));
    let octets: Vec<u8> = (0..=255).collect();
    let hex = format!(
        "<{}>",
        octets
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect::<String>()
    );
    cases.push((Object::ByteString(octets), hex.into_bytes()));
    for (object, expected) in cases {
        let mut writer = PdfWriter::new_with_writer(Vec::new());
        writer.write_object_value(&object).unwrap();
        assert_eq!(writer.current_position as usize, expected.len());
        assert_eq!(writer.writer, expected);
        let mut buffer = Vec::new();
        writer
            .write_object_value_to_buffer(&object, &mut buffer)
            .unwrap();
        assert_eq!(buffer, expected);
    }
}

#[test]
fn shared_font_metrics_keep_original_glyph_ids_and_full_default_width() {
    let data =
        include_bytes!("../../../tests/fixtures/text_contracts/fonts/SourceSans3-Regular.ttf");
    let parsed = TrueTypeFont::parse(data.to_vec()).unwrap();
    let cmaps = parsed.parse_cmap().unwrap();
    let cmap = CmapSubtable::select_best_or_first(&cmaps).unwrap();
    let widths = parsed.get_glyph_widths(&cmap.mappings).unwrap();
    let metrics = Some((cmap, &widths));
    let writer = PdfWriter::new_with_writer(Vec::new());
    let subset = HashMap::from([(65, 1), (233, 2)]);

    // Independent SFNT fixture values: A/GID2=544, é/GID371=496;
    // the 63 common Latin characters average to 512 PDF units.
    assert_eq!(
        PdfWriter::<Vec<u8>>::default_width_from_widths(Some(&widths)),
        512
    );
    assert_eq!(
        writer.generate_width_array(metrics, Some(&subset)),
        vec![
            Object::Integer(65),
            Object::Array(vec![Object::Integer(544)]),
            Object::Integer(233),
            Object::Array(vec![Object::Integer(496)]),
        ]
    );
}

#[test]
fn shared_font_metrics_preserve_empty_mapping_and_empty_width_fallbacks() {
    let data =
        include_bytes!("../../../tests/fixtures/text_contracts/fonts/SourceSans3-Regular.ttf");
    let parsed = TrueTypeFont::parse(data.to_vec()).unwrap();
    let cmaps = parsed.parse_cmap().unwrap();
    let cmap = CmapSubtable::select_best_or_first(&cmaps).unwrap();
    let widths = parsed.get_glyph_widths(&cmap.mappings).unwrap();
    let writer = PdfWriter::new_with_writer(Vec::new());
    let fallback = writer.generate_width_array(None, None);
    assert_eq!(
        &fallback[..5],
        &[
            Object::Integer(32),
            Object::Array(vec![Object::Integer(250)]),
            Object::Integer(33),
            Object::Integer(47),
            Object::Integer(333),
        ]
    );
    assert_eq!(PdfWriter::<Vec<u8>>::default_width_from_widths(None), 500);
    assert_eq!(
        writer.generate_width_array(Some((cmap, &widths)), Some(&HashMap::new())),
        fallback
    );
    assert_eq!(
        writer.generate_width_array(Some((cmap, &widths)), Some(&HashMap::from([(0x10FFFF, 1)]))),
        fallback
    );
    assert_eq!(
        PdfWriter::<Vec<u8>>::default_width_from_widths(Some(&widths)),
        512
    );
    let empty_cmap = CmapSubtable {
        platform_id: 3,
        encoding_id: 1,
        format: 4,
        mappings: HashMap::new(),
    };
    assert_eq!(
        writer.generate_width_array(Some((&empty_cmap, &HashMap::new())), None),
        fallback
    );
    let invalid_gid_cmap = CmapSubtable {
        mappings: HashMap::from([(65, u16::MAX)]),
        ..empty_cmap
    };
    let empty_widths = parsed.get_glyph_widths(&invalid_gid_cmap.mappings).unwrap();
    assert!(writer
        .generate_width_array(Some((&invalid_gid_cmap, &empty_widths)), None)
        .is_empty());
    assert_eq!(
        PdfWriter::<Vec<u8>>::default_width_from_widths(Some(&empty_widths)),
        500
    );
}
