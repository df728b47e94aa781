//! End-to-end scenarios of the media viewers: the image lightbox (thumbnail then original, steps
//! through the folder past its loaded page, zoom, rotation, a phone), the video and music players
//! (playback, SRT subtitles, resume) and the PDF viewer.

use serde_json::json;

use crate::harness::{run, Ctx, DESKTOP, PHONE};
use crate::media_fixtures::{pdf, wav, webm, SRT};

/// Every `src` the lightbox's picture takes, recorded from before the viewer opens.
const RECORD_SRCS: &str = r#"window.__srcs = [];
    new MutationObserver(ms => ms.forEach(m => {
      const imgs = m.type === 'attributes' ? [m.target] : Array.from(m.addedNodes).flatMap(n => n.querySelectorAll ? [n, ...n.querySelectorAll('img')] : []);
      imgs.filter(i => i.matches && i.matches('.cr-lightbox__img') && i.getAttribute('src')).forEach(i => window.__srcs.push(i.getAttribute('src')));
    })).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['src'] });
    return 1"#;

/// The picture on view: its source, natural size and transform.
const PICTURE: &str = "const i = document.querySelector('.cr-lightbox__img'); return i ? [i.getAttribute('src') || '', i.naturalWidth, i.naturalHeight, i.style.transform] : null";

/// The file name in the viewer's bar.
const TITLE: &str =
    "const t = document.querySelector('.cr-viewer__title'); return t ? t.textContent : null";

/// Opens `name` in the folder on screen as a double-click would.
async fn open_file(ctx: &Ctx, name: &str) {
    let tile = format!("[data-cr-item][title={name:?}]");
    ctx.find(&tile).await;
    ctx.js(&format!(
        "document.querySelector({tile:?}).dispatchEvent(new MouseEvent('dblclick', {{ bubbles: true }})); return 1"
    ))
    .await;
    ctx.wait_js(TITLE, json!(name)).await;
}

/// Waits until the lightbox shows the original of `name` (`w`×`h`), and returns the transform.
async fn original_shown(ctx: &Ctx, name: &str, (w, h): (u32, u32)) -> String {
    let script = format!(
        "const i = document.querySelector('.cr-lightbox__img'); return !!i && (i.getAttribute('src') || '').includes({name:?}) && !i.src.includes('thumb') && i.complete && i.naturalWidth === {w} && i.naturalHeight === {h}"
    );
    ctx.wait_js(&script, json!(true)).await;
    ctx.js(PICTURE).await[3]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_lightbox_shows_the_thumbnail_then_the_original_and_steps_zooms_rotates() {
    run(DESKTOP, |_| {}, |ctx| async move {
        refserver::seed::add_picture_folder(&ctx.state, 1, "Album", 3, (1600, 1200)).expect("seed");
        ctx.sign_in().await;
        ctx.open("/home?path=cloudreve%3A%2F%2Fmy%2FAlbum").await;
        // The grid has the thumbnail already, so the lightbox can show it at once.
        ctx.find("[data-cr-item][title=\"picture-00000.png\"] img.cr-tile__img").await;
        ctx.js(RECORD_SRCS).await;
        open_file(&ctx, "picture-00000.png").await;
        let transform = original_shown(&ctx, "picture-00000.png", (1600, 1200)).await;
        let srcs = ctx.js("return window.__srcs").await;
        let srcs: Vec<&str> = srcs.as_array().expect("srcs").iter().filter_map(|s| s.as_str()).collect();
        assert!(srcs.len() >= 2 && srcs[0].contains("thumb"), "the thumbnail came first: {srcs:?}");
        assert!(!srcs[srcs.len() - 1].contains("thumb"), "then the original: {srcs:?}");
        assert!(transform.contains("scale(1)") || transform.contains("scale(1.0"), "fitted: {transform}");
        ctx.see("1 / 3").await;
        // The next original is fetched before it is asked for.
        ctx.wait_js("return performance.getEntriesByType('resource').some(e => e.name.includes('picture-00001.jpg') && !e.name.includes('thumb'))", json!(true)).await;
        ctx.shot("desktop-lightbox").await;

        ctx.keys("\u{E014}").await; // →
        ctx.wait_js(TITLE, json!("picture-00001.jpg")).await;
        original_shown(&ctx, "picture-00001.jpg", (1600, 1200)).await;
        ctx.see("2 / 3").await;
        ctx.click("button[data-action=zoom-in]").await;
        ctx.wait_js("return document.querySelector('.cr-lightbox__img').style.transform.includes('scale(1.25')", json!(true)).await;
        ctx.keys("r").await;
        ctx.wait_js("return document.querySelector('.cr-lightbox__img').style.transform.includes('rotate(90deg)')", json!(true)).await;
        ctx.keys("0").await;
        ctx.wait_js("return document.querySelector('.cr-lightbox__img').style.transform.includes('rotate(0deg)')", json!(true)).await;
        ctx.click("button[data-action=previous]").await;
        ctx.wait_js(TITLE, json!("picture-00000.png")).await;
        let prev = ctx.js("return document.querySelector('button[data-action=previous]').disabled").await;
        assert_eq!(prev, true, "nothing before the first picture");
        // The download button downloads the picture on view, named by the bar.
        assert_eq!(ctx.js("return document.querySelector('.cr-viewer').getAttribute('aria-label')").await, "picture-00000.png");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stepping_past_the_last_loaded_picture_loads_the_next_page() {
    run(
        DESKTOP,
        |_| {},
        |ctx| async move {
            // 500 text files between two pictures: the second picture is on the second page.
            refserver::seed::add_big_folder(&ctx.state, 1, "Many", 500).expect("seed");
            let img = refserver::seed::pictures::picture(64, 48, 1);
            let png = refserver::seed::pictures::png(&img).expect("png");
            refserver::seed::add_file(&ctx.state, 1, "Many/a-first.png", &png).expect("seed");
            refserver::seed::add_file(&ctx.state, 1, "Many/zz-last.png", &png).expect("seed");
            ctx.sign_in().await;
            ctx.open("/home?path=cloudreve%3A%2F%2Fmy%2FMany").await;
            ctx.see("500 items").await;
            let loaded = ctx
                .js("return document.body.innerText.includes('zz-last.png')")
                .await;
            assert_eq!(loaded, false, "the second picture is not loaded yet");
            open_file(&ctx, "a-first.png").await;
            original_shown(&ctx, "a-first.png", (64, 48)).await;
            ctx.see("1 / 1+").await;
            ctx.keys("\u{E014}").await; // →
            ctx.wait_js(TITLE, json!("zz-last.png")).await;
            original_shown(&ctx, "zz-last.png", (64, 48)).await;
            ctx.see("2 / 2").await;
            ctx.click("button[data-action=close-viewer]").await;
            ctx.see("502 items").await;
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_lightbox_fits_a_phone() {
    run(PHONE, |_| {}, |ctx| async move {
        refserver::seed::add_picture_folder(&ctx.state, 1, "Album", 2, (1200, 1600)).expect("seed");
        ctx.sign_in().await;
        ctx.open("/home?path=cloudreve%3A%2F%2Fmy%2FAlbum").await;
        open_file(&ctx, "picture-00000.png").await;
        original_shown(&ctx, "picture-00000.png", (1200, 1600)).await;
        let fits = "const w = window.innerWidth; const d = document.querySelector('.cr-viewer');
            const tools = document.querySelector('.cr-lightbox__tools').getBoundingClientRect();
            const img = document.querySelector('.cr-lightbox__img').getBoundingClientRect();
            return [document.documentElement.scrollWidth <= w, d.scrollWidth <= d.clientWidth, tools.left >= 0 && tools.right <= w, img.width <= w]";
        assert_eq!(ctx.js(fits).await, json!([true, true, true, true]), "nothing is wider than the phone");
        ctx.shot("phone-lightbox").await;
        // A swipe to the left shows the next picture.
        ctx.js("const s = document.querySelector('.cr-lightbox__stage');
            const ev = (type, x) => s.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerId: 7, isPrimary: true, pointerType: 'touch', clientX: x, clientY: 400 }));
            ev('pointerdown', 300); ev('pointermove', 200); ev('pointerup', 100); return 1").await;
        ctx.wait_js(TITLE, json!("picture-00001.jpg")).await;
        ctx.js("document.documentElement.setAttribute('data-theme', 'dark'); return 1").await;
        ctx.shot("phone-lightbox-dark").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_video_plays_with_its_srt_subtitles_and_a_playlist() {
    run(DESKTOP, |_| {}, |ctx| async move {
        ctx.sign_in().await;
        let clip = webm(&ctx, 2_000).await;
        for name in ["Clips/clip.webm", "Clips/clip2.webm"] {
            refserver::seed::add_file(&ctx.state, 1, name, &clip).expect("seed");
        }
        refserver::seed::add_file(&ctx.state, 1, "Clips/clip.en.srt", SRT.as_bytes()).expect("seed");
        ctx.open("/home?path=cloudreve%3A%2F%2Fmy%2FClips").await;
        open_file(&ctx, "clip.webm").await;
        // The cues arrive while the track parses: read the second only once it exists.
        let cues = "const v = document.querySelector('video.cr-player__media'); const t = v && v.textTracks[0];
            return t && t.cues ? [t.label, t.language, t.cues.length, t.cues.length > 1 ? t.cues[1].text : null] : null";
        ctx.wait_js(cues, json!(["en", "en", 2, "Second cue\non two lines"])).await;
        ctx.js("const v = document.querySelector('video'); v.muted = true; v.play(); return 1").await;
        ctx.wait_js("const v = document.querySelector('video'); return v.currentTime > 0.3 && v.videoWidth === 320", json!(true)).await;
        ctx.shot("desktop-video").await;
        ctx.js("document.documentElement.setAttribute('data-theme', 'dark'); return 1").await;
        ctx.shot("desktop-video-dark").await;
        // The playlist switches clips.
        ctx.click("xpath://nav[contains(@class,'cr-player__list')]//button[normalize-space(.)='clip2.webm']").await;
        ctx.wait_js(TITLE, json!("clip2.webm")).await;
        ctx.wait_js("return document.querySelector('.cr-player__item--current').textContent", json!("clip2.webm")).await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn music_resumes_where_it_stopped_and_the_next_plays_at_the_end() {
    run(DESKTOP, |_| {}, |ctx| async move {
        for name in ["Music/tone.wav", "Music/tone2.wav"] {
            refserver::seed::add_file(&ctx.state, 1, name, &wav(20)).expect("seed");
        }
        ctx.sign_in().await;
        ctx.open("/home?path=cloudreve%3A%2F%2Fmy%2FMusic").await;
        open_file(&ctx, "tone.wav").await;
        let audio = "document.querySelector('audio.cr-player__media')";
        ctx.wait_js(&format!("const a = {audio}; return !!a && Math.round(a.duration)"), json!(20)).await;
        // A real click gives the page the user activation that playing sound needs.
        ctx.click(".cr-player__title").await;
        let played = ctx.js_async(&format!("const a = {audio}; a.muted = true; a.play().then(() => arguments[0]('ok'), e => arguments[0](e.name + ': ' + e.message))")).await;
        assert_eq!(played, "ok", "the music plays");
        ctx.wait_js(&format!("return {audio}.currentTime > 0.2"), json!(true)).await;
        ctx.js(&format!("const a = {audio}; a.currentTime = 8; a.pause(); return 1")).await;
        ctx.wait_js("return /=8\\.\\d/.test(localStorage.getItem('cr_media_resume') || '')", json!(true)).await;
        ctx.shot("desktop-audio").await;
        ctx.click("button[data-action=close-viewer]").await;
        open_file(&ctx, "tone.wav").await;
        ctx.wait_js(&format!("const a = {audio}; return !!a && a.readyState >= 1 && Math.abs(a.currentTime - 8) < 0.5"), json!(true)).await;
        // Played to the end: the position is forgotten and the next file starts.
        ctx.js(&format!("const a = {audio}; a.muted = true; a.currentTime = 19.5; a.play(); return 1")).await;
        ctx.wait_js(TITLE, json!("tone2.wav")).await;
        let stored = ctx.js("return localStorage.getItem('cr_media_resume') || ''").await;
        assert!(!stored.as_str().unwrap_or_default().contains("=8."), "finished files forget their position: {stored}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pdf_opens_in_the_browser_viewer_with_a_download_fallback() {
    run(DESKTOP, |_| {}, |ctx| async move {
        refserver::seed::add_file(&ctx.state, 1, "Papers/hello.pdf", &pdf("Hello PDF")).expect("seed");
        ctx.sign_in().await;
        ctx.open("/home?path=cloudreve%3A%2F%2Fmy%2FPapers").await;
        open_file(&ctx, "hello.pdf").await;
        let object = ctx.find("object.cr-pdf[type='application/pdf']").await;
        let data = object.attr("data").await.expect("attr").unwrap_or_default();
        assert!(data.contains("hello.pdf"), "the object shows the file: {data}");
        let fallback = ctx.js("return !!document.querySelector('object.cr-pdf button')").await;
        assert_eq!(fallback, true, "the object holds the download fallback");
        let answer = ctx.js_async(&format!("fetch({data:?}).then(r => arguments[0]([r.status, r.headers.get('content-type')]))")).await;
        assert_eq!(answer, json!([200, "application/pdf"]));
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        ctx.shot("desktop-pdf").await;
    })
    .await;
}
