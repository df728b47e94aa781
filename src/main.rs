//! Entry point: panic hook, then mount `<App/>`.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(cloudreve_web::app::App);
}
