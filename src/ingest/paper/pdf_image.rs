//! The scanned image of a PDF page, through lopdf: the page's largest image
//! XObject, a JPEG (DCTDecode, taken as is) or raw samples (Flate/LZW or
//! none; grey, RGB, CMYK, 1-bit), decoded within the pixel and size limits.

use std::collections::BTreeMap;

use image::{ImageFormat, RgbImage};
use lopdf::{Document, Object, ObjectId};

use super::raster::{bits_to_rgb, check_pixels, decode, samples_to_rgb, ImgErr};
use super::{guarded, MAX_STREAM};

/// Smallest image taken for a scan of the whole page (about 550 × 550 pixels);
/// smaller ones are logos, stamps and signatures.
pub const MIN_SCAN_PIXELS: i64 = 300_000;

pub(super) struct Images {
    doc: Document,
    pages: BTreeMap<u32, ObjectId>,
}

impl Images {
    pub fn load(bytes: &[u8]) -> Result<Images, String> {
        let options = lopdf::LoadOptions {
            max_decompressed_size: Some(MAX_STREAM as usize),
            ..lopdf::LoadOptions::default()
        };
        let doc = guarded(|| Document::load_mem_with_options(bytes, options))?
            .map_err(|e| e.to_string())?;
        let pages = guarded(|| doc.get_pages())?;
        Ok(Images { doc, pages })
    }

    /// The page's scan (its largest image, if large enough), as RGB.
    pub fn scan(&self, number: u32) -> Result<Option<RgbImage>, ImgErr> {
        let Some(&page_id) = self.pages.get(&number) else {
            return Ok(None);
        };
        guarded(|| self.scan_inner(page_id)).unwrap_or_else(|d| Err(ImgErr::Decode(d)))
    }

    fn scan_inner(&self, page_id: ObjectId) -> Result<Option<RgbImage>, ImgErr> {
        let images = self
            .doc
            .get_page_images(page_id)
            .map_err(|e| ImgErr::Decode(e.to_string()))?;
        let Some(img) = images
            .iter()
            .filter(|i| i.width > 0 && i.height > 0)
            .max_by_key(|i| i.width.saturating_mul(i.height))
        else {
            return Ok(None);
        };
        if img.width.saturating_mul(img.height) < MIN_SCAN_PIXELS {
            return Ok(None);
        }
        check_pixels(img.width as u64, img.height as u64)?;
        let (w, h) = (img.width as usize, img.height as usize);
        let filters = img.filters.clone().unwrap_or_default();
        let last = filters.last().map(String::as_str);
        if matches!(
            last,
            Some("JPXDecode" | "JBIG2Decode" | "CCITTFaxDecode" | "CCF")
        ) {
            let coding = filters.join(" + ");
            return Err(ImgErr::Decode(format!("unsupported image coding {coding}")));
        }
        let jpeg = matches!(last, Some("DCTDecode" | "DCT"));
        let stream = self
            .doc
            .get_object(img.id)
            .and_then(Object::as_stream)
            .map_err(|e| ImgErr::Decode(e.to_string()))?;
        let inflate = |s: &lopdf::Stream| {
            s.decompressed_content_with_limit(MAX_STREAM as usize)
                .map_err(|e| match e {
                    lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                        ..
                    }) => ImgErr::Stream,
                    other => ImgErr::Decode(other.to_string()),
                })
        };
        if jpeg {
            if filters.len() == 1 {
                return decode(img.content, ImageFormat::Jpeg).map(Some);
            }
            // ASCII85 or Flate around the JPEG: undo those, keep the JPEG.
            let mut outer = stream.clone();
            let names = filters[..filters.len() - 1]
                .iter()
                .map(|f| Object::Name(f.as_bytes().to_vec()))
                .collect();
            outer.dict.set("Filter", Object::Array(names));
            let data = inflate(&outer)?;
            return decode(&data, ImageFormat::Jpeg).map(Some);
        }
        let data = inflate(stream)?;
        let mask = img
            .origin_dict
            .get(b"ImageMask")
            .ok()
            .and_then(|o| match o {
                Object::Boolean(b) => Some(*b),
                _ => None,
            })
            .unwrap_or(false);
        let bpc = if mask {
            1
        } else {
            img.bits_per_component.unwrap_or(8)
        };
        match bpc {
            1 => bits_to_rgb(&data, w, h, false).map(Some),
            8 => {
                let comps = match img.color_space.as_deref() {
                    Some("DeviceGray" | "CalGray" | "Indexed") => 1,
                    Some("DeviceRGB" | "CalRGB" | "Lab") => 3,
                    Some("DeviceCMYK") => 4,
                    _ => (data.len() / (w * h)).clamp(1, 4),
                };
                let cmyk = comps == 4;
                samples_to_rgb(&data, w, h, comps, cmyk).map(Some)
            }
            other => Err(ImgErr::Decode(format!("{other} bits per component"))),
        }
    }
}
