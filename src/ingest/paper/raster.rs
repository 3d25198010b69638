//! Photos and scans: JPEG, PNG and BMP (one page), TIFF (every image in the
//! file is a page of one document). Decoded with limits on pixels and memory,
//! turned upright by the EXIF orientation, then recognised.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, RgbImage};

use super::super::error::{Error, Result};
use super::super::page::Page;
use super::driver::Driver;
use super::{guarded, MAX_PAGES, MAX_PIXELS, MAX_STREAM};

/// Why a page image could not be had.
#[derive(Debug)]
pub(super) enum ImgErr {
    TooLarge { width: u64, height: u64 },
    Stream,
    Decode(String),
}

impl ImgErr {
    pub fn into_error(self, file: &str, page: u32) -> Error {
        let file = file.to_string();
        match self {
            ImgErr::TooLarge { width, height } => Error::ImageTooLarge {
                file,
                page,
                width,
                height,
                limit_mp: MAX_PIXELS / 1_000_000,
            },
            ImgErr::Stream => Error::PageTooLarge {
                file,
                page,
                limit_mb: MAX_STREAM / (1024 * 1024),
            },
            ImgErr::Decode(detail) => Error::ImageBroken { file, page, detail },
        }
    }
}

pub(super) fn check_pixels(width: u64, height: u64) -> std::result::Result<(), ImgErr> {
    if width == 0 || height == 0 {
        return Err(ImgErr::Decode(format!("{width} × {height} pixels")));
    }
    if width.saturating_mul(height) > MAX_PIXELS {
        return Err(ImgErr::TooLarge { width, height });
    }
    Ok(())
}

fn limits() -> image::Limits {
    let mut l = image::Limits::default();
    l.max_image_width = Some(100_000);
    l.max_image_height = Some(100_000);
    l.max_alloc = Some(MAX_STREAM.saturating_mul(4));
    l
}

/// Decodes an encoded image (JPEG, PNG, BMP, TIFF's first page) to RGB, upright.
pub(super) fn decode(bytes: &[u8], format: ImageFormat) -> std::result::Result<RgbImage, ImgErr> {
    let run = || -> std::result::Result<RgbImage, ImgErr> {
        let mut reader = image::ImageReader::with_format(Cursor::new(bytes), format);
        reader.limits(limits());
        let de = |e: image::ImageError| ImgErr::Decode(e.to_string());
        let mut decoder = reader.into_decoder().map_err(de)?;
        let (w, h) = decoder.dimensions();
        check_pixels(u64::from(w), u64::from(h))?;
        let orientation = decoder.orientation().ok();
        let mut img = DynamicImage::from_decoder(decoder).map_err(de)?;
        if let Some(o) = orientation {
            img.apply_orientation(o);
        }
        Ok(img.to_rgb8())
    };
    guarded(run).unwrap_or_else(|d| Err(ImgErr::Decode(d)))
}

/// A single-image file: one page, recognised.
pub(super) fn read_single(bytes: &[u8], d: &mut Driver<'_>) -> Result<Vec<Page>> {
    let format = match super::sniff(bytes) {
        Some(super::Format::Png) => ImageFormat::Png,
        Some(super::Format::Bmp) => ImageFormat::Bmp,
        _ => ImageFormat::Jpeg,
    };
    d.set_total(1);
    d.require_ocr(1)?;
    let img = decode(bytes, format).map_err(|e| e.into_error(d.file, 1))?;
    d.image(1, img)?;
    d.finish()
}

/// A TIFF: every image (IFD) a page, in file order.
pub(super) fn read_tiff(bytes: &[u8], d: &mut Driver<'_>) -> Result<Vec<Page>> {
    let file = d.file();
    let broken = |page: u32, e: String| Error::ImageBroken {
        file: file.clone(),
        page,
        detail: e,
    };
    // First pass: count the pages (directories only, no pixels).
    let count = guarded(|| count_tiff_pages(bytes))
        .unwrap_or_else(|e| Err((1, e)))
        .map_err(|(page, e)| broken(page, e))?;
    if count > u64::from(MAX_PAGES) {
        return Err(Error::TooManyPages {
            file: d.file(),
            pages: count,
            limit: MAX_PAGES,
        });
    }
    d.set_total(count as u32);
    d.require_ocr(1)?;
    let mut dec = guarded(|| tiff_decoder(bytes))
        .unwrap_or_else(Err)
        .map_err(|e| broken(1, e))?;
    for number in 1..=count as u32 {
        d.check_cancel()?;
        if number > 1 {
            guarded(|| dec.next_image())
                .map_err(|e| broken(number, e))?
                .map_err(|e| broken(number, e.to_string()))?;
        }
        let img = guarded(|| tiff_page(&mut dec))
            .unwrap_or_else(|e| Err(ImgErr::Decode(e)))
            .map_err(|e| e.into_error(d.file, number))?;
        d.image(number, img)?;
    }
    d.finish()
}

type TiffDecoder<'b> = tiff::decoder::Decoder<Cursor<&'b [u8]>>;

fn tiff_decoder(bytes: &[u8]) -> std::result::Result<TiffDecoder<'_>, String> {
    let mut limits = tiff::decoder::Limits::default();
    limits.decoding_buffer_size = MAX_STREAM as usize;
    limits.intermediate_buffer_size = MAX_STREAM as usize / 2;
    tiff::decoder::Decoder::new(Cursor::new(bytes))
        .map(|d| d.with_limits(limits))
        .map_err(|e| e.to_string())
}

fn count_tiff_pages(bytes: &[u8]) -> std::result::Result<u64, (u32, String)> {
    let mut dec = tiff_decoder(bytes).map_err(|e| (1, e))?;
    let mut n: u64 = 1;
    while dec.more_images() {
        if n > u64::from(MAX_PAGES) {
            return Ok(n);
        }
        dec.next_image()
            .map_err(|e| ((n + 1) as u32, e.to_string()))?;
        n += 1;
    }
    Ok(n)
}

/// The current TIFF image as RGB (bilevel fax scans, grey, RGB, CMYK; 8 or 16 bits).
fn tiff_page(dec: &mut TiffDecoder<'_>) -> std::result::Result<RgbImage, ImgErr> {
    use tiff::decoder::DecodingResult;
    use tiff::ColorType;
    let de = |e: tiff::TiffError| ImgErr::Decode(e.to_string());
    let (w, h) = dec.dimensions().map_err(de)?;
    check_pixels(u64::from(w), u64::from(h))?;
    let ct = dec.colortype().map_err(de)?;
    let data = match dec.read_image() {
        Ok(d) => d,
        Err(tiff::TiffError::LimitsExceeded) => return Err(ImgErr::Stream),
        Err(e) => return Err(de(e)),
    };
    let samples: Vec<u8> = match data {
        DecodingResult::U8(v) => v,
        DecodingResult::U16(v) => v.iter().map(|s| (s >> 8) as u8).collect(),
        _ => return Err(ImgErr::Decode(format!("unsupported sample format {ct:?}"))),
    };
    let (w_us, h_us) = (w as usize, h as usize);
    let comps = match ct {
        ColorType::Gray(1) => return bits_to_rgb(&samples, w_us, h_us, false),
        ColorType::Gray(_) => 1,
        ColorType::GrayA(_) => 2,
        ColorType::RGB(_) | ColorType::YCbCr(_) => 3,
        ColorType::RGBA(_) | ColorType::CMYK(_) => 4,
        ColorType::CMYKA(_) => 5,
        other => return Err(ImgErr::Decode(format!("unsupported colour type {other:?}"))),
    };
    let cmyk = matches!(ct, ColorType::CMYK(_) | ColorType::CMYKA(_));
    samples_to_rgb(&samples, w_us, h_us, comps, cmyk)
}

/// Packed 1-bit rows (each padded to a byte) to RGB; `one_is_black` flips.
pub(super) fn bits_to_rgb(
    data: &[u8],
    w: usize,
    h: usize,
    one_is_black: bool,
) -> std::result::Result<RgbImage, ImgErr> {
    let row = w.div_ceil(8);
    if data.len() < row * h {
        return Err(ImgErr::Decode("image data is truncated".into()));
    }
    let mut out = Vec::with_capacity(w * h * 3);
    for y in 0..h {
        for x in 0..w {
            let bit = (data[y * row + x / 8] >> (7 - (x % 8))) & 1;
            let white = (bit == 1) != one_is_black;
            let v = if white { 255 } else { 0 };
            out.extend_from_slice(&[v, v, v]);
        }
    }
    RgbImage::from_raw(w as u32, h as u32, out).ok_or(ImgErr::Decode("bad image size".into()))
}

/// 8-bit interleaved samples (grey, grey+alpha, RGB, RGBA, CMYK) to RGB.
pub(super) fn samples_to_rgb(
    data: &[u8],
    w: usize,
    h: usize,
    comps: usize,
    cmyk: bool,
) -> std::result::Result<RgbImage, ImgErr> {
    let need = w * h * comps;
    if comps == 0 || data.len() < need {
        return Err(ImgErr::Decode("image data is truncated".into()));
    }
    let mut out = Vec::with_capacity(w * h * 3);
    for px in data[..need].chunks_exact(comps) {
        let rgb = match (comps, cmyk) {
            (1 | 2, _) => [px[0], px[0], px[0]],
            (4 | 5, true) => {
                let k = 255 - u16::from(px[3]);
                let f = |c: u8| ((255 - u16::from(c)) * k / 255) as u8;
                [f(px[0]), f(px[1]), f(px[2])]
            }
            _ => [px[0], px[1], px[2]],
        };
        out.extend_from_slice(&rgb);
    }
    RgbImage::from_raw(w as u32, h as u32, out).ok_or(ImgErr::Decode("bad image size".into()))
}
