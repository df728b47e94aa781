//! `/home?path=<cloudreve URI>`: the file manager. The URL is the source of truth for the folder and
//! its order; the explorer state (items, selection, view) lives in context for the parts below.

use cloudreve_api::models::FileResponse;
use cloudreve_api::{ApiError, Code, CrUri, FileSystem};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_params_map};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::components::common::error_view::ErrorView;
use crate::components::explorer::context_menu::ContextMenu;
use crate::components::explorer::folder_view::FolderView;
use crate::components::explorer::info_panel::InfoPanel;
use crate::components::explorer::page_dialogs::PageDialogs;
use crate::components::explorer::toolbar::Toolbar;
use crate::components::layout::shell::Shell;
use crate::components::share::embed_frame::EmbedFrame;
use crate::components::share::share_frame::ShareFrame;
use crate::components::share::share_header::ShareHeader;
use crate::components::share::share_problem::ShareProblem;
use crate::components::share::share_readme::ShareReadme;
use crate::components::share::single_file_card::SingleFileCard;
use crate::components::uploads::drop_zone::DropZone;
use crate::components::uploads::file_pickers::{FilePickers, Pickers};
use crate::components::viewers::viewer_host::ViewerHost;
use crate::domain::file_actions::{self, FileAction};
use crate::domain::sort::{Sort, SortKey};
use crate::i18n::errors::error_message;
use crate::i18n::{use_i18n, Key};
use crate::links;
use crate::pages::embed_page::is_embedded;
use crate::state::dialog::{Dialog, DialogState};
use crate::state::downloads::{download_file, download_many, may_zip};
use crate::state::explorer::{Command, Explorer};
use crate::state::file_ops::FileOps;
use crate::state::folder_listing::{page_request, FolderPages};
use crate::state::preview::use_preview;
use crate::state::session::{use_session, CallExtras, Session};
use crate::state::toasts::use_toasts;
use crate::state::tree_download::{self, use_tree_downloads, StartError};
use crate::state::uploads::use_uploads;
use crate::state::view_settings;
use crate::uploads::sources::{from_clipboard, Picked};

/// Sends signed-out visitors to sign in, and back here afterwards, unless the page is `public` (a
/// share, which visitors may open without an account).
pub(crate) fn require_session(session: Session, public: Memo<bool>) {
    let location = use_location();
    let navigate = use_navigate();
    // The page's own route: while the router moves to another page, this one's URL-derived state
    // (`public`) changes a moment before it goes, and must not send the visitor to sign in.
    let own_path = location.pathname.get_untracked();
    Effect::new(move |_| {
        let here = location.pathname.with(|p| *p == own_path);
        if here && !session.signed_in() && !public.get() {
            let back = links::path_and_query(
                &location.pathname.get_untracked(),
                &location.search.get_untracked(),
            );
            navigate(
                &links::sign_in(&back),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
}

/// An open context menu: where, and for what.
#[derive(Debug, Clone, Copy, PartialEq)]
struct MenuAt {
    x: f64,
    y: f64,
    on_item: bool,
}

/// The file manager page.
#[component]
pub fn FilesPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let toasts = use_toasts();
    let preview = use_preview();
    let trees = use_tree_downloads();
    let embedded = is_embedded();
    let location = use_location();
    let params = use_params_map();
    let parsed =
        Memo::new(
            move |_| match location.search.with(|q| links::query_param(q, "path")) {
                // The embedded viewer starts at the share its route names.
                None if embedded => Ok(params.with(|p| {
                    CrUri::share(
                        &p.get("id").unwrap_or_default(),
                        p.get("password").as_deref().filter(|x| !x.is_empty()),
                    )
                })),
                None => Ok(CrUri::my()),
                Some(p) => CrUri::parse(&p).map_err(|e| ApiError::Server {
                    code: Code::ParamErr,
                    msg: e.to_string(),
                    correlation_id: None,
                }),
            },
        );
    let uri = Signal::derive(move || parsed.get().unwrap_or_else(|_| CrUri::my()));
    let in_share = Memo::new(move |_| uri.with(|u| u.fs == FileSystem::Share));
    require_session(session, in_share);
    let sort = Memo::new(move |_| {
        location.search.with(|q| {
            Sort::from_params(
                links::query_param(q, "order_by").as_deref(),
                links::query_param(q, "order_direction").as_deref(),
            )
        })
    });
    let ex = Explorer::provide(uri);
    let dialog = DialogState::provide();
    let pages = FolderPages::new(session, ex, Signal::from(sort));
    pages.provide();
    let navigate = use_navigate();
    // The embedded viewer stays on its own route: `?path=` is all that changes.
    let url_of = Callback::new(move |(target, order): (CrUri, Sort)| {
        let url = links::home_sorted(&target, order);
        if embedded {
            let here = location.pathname.get_untracked();
            url.replacen("/home", &here, 1)
        } else {
            url
        }
    });
    let go = Callback::new(move |(target, order): (CrUri, Sort)| {
        navigate(&url_of.run((target, order)), Default::default())
    });
    // Another page of the app (the item's activity).
    let open_page = Callback::new({
        let navigate = use_navigate();
        move |url: String| navigate(&url, Default::default())
    });
    let reload = RwSignal::new(0u32);
    let usage_version = RwSignal::new(0u32);
    let ops = FileOps::new(
        session,
        ex,
        dialog,
        toasts,
        Callback::new(move |()| reload.update(|v| *v += 1)),
        usage_version,
    );
    let menu = RwSignal::new(None::<MenuAt>);
    let info = RwSignal::new(None::<FileResponse>);
    // The columns the server can order by (`props.order_by_options`); none for searches.
    let sortable = RwSignal::new(Vec::<SortKey>::new());

    let uploads = use_uploads();
    let pickers = RwSignal::new_local(None::<Pickers>);
    let can_upload = move || {
        uri.with(|u| u.fs == FileSystem::My && !u.is_search())
            && ex
                .capability
                .with(|c| c.get(cloudreve_api::boolset::capability::UPLOAD))
    };
    // Picked, dropped or pasted files go to the folder on screen, checked against its policy and
    // (for the loaded items) its names.
    let upload_here = Callback::new(move |picked: Vec<Picked>| {
        if picked.is_empty() {
            return;
        }
        if !can_upload() {
            toasts.error(i18n.t(Key::UploadNotHere));
            return;
        }
        let names: std::collections::HashSet<String> = ex
            .files
            .with_untracked(|f| f.iter().map(|x| x.name.clone()).collect());
        let policy = ex.policy.get_untracked().unwrap_or_default();
        uploads.add(picked, uri.get_untracked(), policy, move |n| {
            names.contains(n)
        });
    });
    // Files that finished (or whose placeholders appeared) in this folder show up at once.
    Effect::new(move |_| {
        let (n, folders) = uploads.finished.get();
        let here = uri.with_untracked(ToString::to_string);
        if n > 0
            && folders
                .iter()
                .any(|f| f.trim_end_matches('/') == here.trim_end_matches('/'))
        {
            reload.update(|v| *v += 1);
        }
    });
    // Ctrl/Cmd+V of files or a copied picture uploads them here (text fields keep their paste).
    let paste = window_event_listener(leptos::ev::paste, move |ev: web_sys::ClipboardEvent| {
        let in_field = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            .is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA") || el.is_content_editable()
            });
        if in_field {
            return;
        }
        let picked = ev
            .clipboard_data()
            .map(|d| from_clipboard(&d))
            .unwrap_or_default();
        if !picked.is_empty() {
            ev.prevent_default();
            upload_here.run(picked);
        }
    });
    on_cleanup(move || paste.remove());

    // A new listing cancels the one still loading, and leaving the page cancels whatever is in flight.
    let in_flight = StoredValue::new_local(None::<web_sys::AbortController>);
    let cancel_in_flight = move || {
        if let Some(c) = in_flight.try_update_value(Option::take).flatten() {
            c.abort();
        }
    };
    on_cleanup(cancel_in_flight);
    let listing = LocalResource::new(move || {
        reload.track();
        let target = parsed.get();
        let order = sort.get();
        cancel_in_flight();
        let controller = web_sys::AbortController::new().ok();
        let extras = CallExtras {
            abort: controller.as_ref().map(web_sys::AbortController::signal),
            ..CallExtras::default()
        };
        in_flight.set_value(controller);
        let public = target.as_ref().is_ok_and(|u| u.fs == FileSystem::Share);
        async move {
            if !session.signed_in() && !public {
                return Err(ApiError::Server {
                    code: Code::CheckLogin,
                    msg: String::new(),
                    correlation_id: None,
                });
            }
            session
                .call_with(&page_request(&target?, order, None), &extras)
                .await
        }
    });
    Effect::new(move |_| match &*listing.read() {
        Some(Ok(l)) => {
            pages.start(l);
            ex.policy.set(l.storage_policy.clone());
            sortable.set(
                l.props
                    .order_by_options
                    .iter()
                    .flatten()
                    .filter_map(|o| SortKey::parse(o))
                    .collect(),
            );
            view_settings::apply(ex, &uri.get_untracked(), l.view.as_ref());
        }
        _ => pages.reset(),
    });

    let open_item = move |index: usize| {
        let Some(item) = ex.files.with_untracked(|f| f.get(index).cloned()) else {
            return;
        };
        let in_trash = ex.folder.with_untracked(|u| u.fs == FileSystem::Trash);
        // A share shortcut ("save to my files") opens the share it points at.
        let redirect = item
            .metadata
            .as_ref()
            .and_then(|m| m.get("sys:shared_redirect"))
            .and_then(|r| CrUri::parse(r).ok())
            .filter(|u| u.fs == FileSystem::Share);
        if let Some(target) = redirect {
            go.run((target, Sort::default()));
        } else if in_trash {
            info.set(Some(item));
        } else if item.is_folder() {
            if let Ok(target) = CrUri::parse(&item.path) {
                go.run((target, sort.get_untracked()));
            }
        } else {
            preview.open(item);
        }
    };
    let download = move |targets: Vec<FileResponse>| {
        let hint = ex.hint.get_untracked();
        leptos::task::spawn_local(async move {
            let single_file = matches!(targets.as_slice(), [one] if !one.is_folder());
            // Shares too: the server zips a share for visitors whose group may (CE).
            let archive_allowed = !single_file && may_zip(session).await;
            let result = match targets.as_slice() {
                [one] if single_file => download_file(session, one, None, hint).await,
                _ if archive_allowed => download_many(session, targets, hint).await,
                _ if tree_download::supported() => {
                    if let Err(StartError::Refused(why)) = trees.start(targets, hint).await {
                        toasts.error(why);
                    }
                    Ok(())
                }
                _ => {
                    toasts.error(i18n.t(Key::DownloadFoldersUnsupported));
                    Ok(())
                }
            };
            if let Err(e) = result {
                toasts.error(error_message(&e, i18n.locale_untracked()));
            }
        });
    };
    let select_all = move || {
        leptos::task::spawn_local(async move {
            if pages.load_all().await.is_ok() {
                ex.files.with_untracked(|f| {
                    let ids: Vec<&str> = f.iter().map(|x| x.id.as_str()).collect();
                    ex.selection.update(|s| s.select_all(&ids));
                });
            }
        });
    };
    let action_context = move || {
        let targets = ex.targets();
        file_actions::Context {
            fs: Some(uri.get_untracked().fs),
            search: uri.get_untracked().is_search(),
            capability: ex.capability.get_untracked(),
            targets: targets.len(),
            single_folder: targets.first().is_some_and(FileResponse::is_folder),
            has_items: ex.files.with_untracked(|f| !f.is_empty()),
            direct_links: session
                .user()
                .and_then(|u| u.group)
                .is_some_and(|g| g.direct_link_batch_size > 0),
        }
    };
    let perform = Callback::new(move |a: FileAction| {
        menu.set(None);
        let targets = ex.targets();
        let in_trash = uri.get_untracked().fs == FileSystem::Trash;
        match a {
            FileAction::Open => {
                if let Some(i) = ex.focused.get_untracked().or_else(|| {
                    targets.first().and_then(|t| {
                        ex.files
                            .with_untracked(|f| f.iter().position(|x| x.id == t.id))
                    })
                }) {
                    open_item(i);
                }
            }
            FileAction::Download => download(targets),
            FileAction::Rename => {
                if let Some(t) = targets.into_iter().next() {
                    dialog.open(Dialog::Rename(Box::new(t)));
                }
            }
            FileAction::MoveTo => dialog.open(Dialog::MoveCopy {
                items: targets,
                copy: false,
            }),
            FileAction::CopyTo => dialog.open(Dialog::MoveCopy {
                items: targets,
                copy: true,
            }),
            FileAction::Delete => dialog.open(Dialog::Delete {
                items: targets,
                permanent: in_trash,
            }),
            FileAction::DeleteForGood => dialog.open(Dialog::Delete {
                items: targets,
                permanent: true,
            }),
            FileAction::Restore => ops.restore(targets),
            FileAction::Tags => dialog.open(Dialog::Tags(targets)),
            FileAction::Versions => {
                if let Some(t) = targets.into_iter().next() {
                    dialog.open(Dialog::Versions(Box::new(t)));
                }
            }
            FileAction::Info => info.set(targets.into_iter().next()),
            FileAction::Activity => {
                if let Some(t) = targets.first().and_then(|t| CrUri::parse(&t.path).ok()) {
                    let path = cloudreve_api::uri::encode_component(&t.to_string());
                    open_page.run(format!("/activity?path={path}"));
                }
            }
            FileAction::DirectLinks => dialog.open(Dialog::DirectLinks(targets)),
            FileAction::Share => {
                if let Some(t) = targets.into_iter().next() {
                    dialog.open(Dialog::Share(Box::new(t)));
                }
            }
            FileAction::Pin => {
                if let Some(t) = targets.into_iter().next() {
                    ops.pin(t);
                }
            }
            FileAction::SelectAll => select_all(),
            FileAction::InvertSelection => ex.files.with_untracked(|f| {
                let ids: Vec<&str> = f.iter().map(|x| x.id.as_str()).collect();
                ex.selection.update(|s| s.invert(&ids));
            }),
            FileAction::ClearSelection => ex.selection.update(|s| s.clear()),
            FileAction::NewFolder => dialog.open(Dialog::NewItem { folder: true }),
            FileAction::NewFile => dialog.open(Dialog::NewItem { folder: false }),
            FileAction::UploadFiles => {
                if let Some(p) = pickers.get_untracked() {
                    p.open_files();
                }
            }
            FileAction::UploadFolder => {
                if let Some(p) = pickers.get_untracked() {
                    p.open_folder();
                }
            }
            FileAction::Refresh => reload.update(|v| *v += 1),
            FileAction::EmptyTrash => dialog.open(Dialog::EmptyTrash),
        }
    });
    ex.on_command(Callback::new(move |c: Command| match c {
        Command::Open(i) => open_item(i),
        Command::Parent => {
            if let Some(parent) = uri.get_untracked().parent() {
                go.run((parent, sort.get_untracked()));
            }
        }
        Command::Delete => {
            let c = action_context();
            let actions = file_actions::for_items(&c);
            if actions.contains(&FileAction::Delete) {
                perform.run(FileAction::Delete);
            } else if actions.contains(&FileAction::DeleteForGood) {
                perform.run(FileAction::DeleteForGood);
            }
        }
        // F2 renames in place; the menu and toolbar open the dialog.
        Command::Rename => {
            if file_actions::for_items(&action_context()).contains(&FileAction::Rename) {
                if let Some(t) = ex.targets().into_iter().next() {
                    ex.renaming.set(Some(t.id));
                }
            }
        }
        Command::RenameTo { id, name } => {
            if let Some(item) = ex
                .files
                .with_untracked(|f| f.iter().find(|x| x.id == id).cloned())
            {
                ops.rename(item, name);
            }
            ex.focus_view();
        }
        Command::SelectAll => select_all(),
        Command::Menu { x, y, on_item } => menu.set(Some(MenuAt { x, y, on_item })),
        Command::Drop { uris, dst, copy } => ops.drop_into(uris, dst, copy),
        Command::NearEnd => {
            leptos::task::spawn_local(async move {
                let _ = pages.load_next().await;
            });
        }
    }));
    let on_sort = Callback::new(move |key: SortKey| {
        go.run((uri.get_untracked(), sort.get_untracked().clicked(key)))
    });

    // The share's whole content: its folder (walked page by page by the tree download) or its file.
    let download_all = Callback::new(move |()| {
        let targets = match &*listing.read_untracked() {
            Some(Ok(l)) if l.single_file_view => l.files.clone(),
            Some(Ok(l)) => vec![l.parent.clone()],
            _ => return,
        };
        download(targets);
    });
    let show_readme = RwSignal::new(false);
    // A share of one file gets a card instead of a one-row listing (and no toolbar or count).
    let single = Memo::new(move |_| matches!(&*listing.read(), Some(Ok(l)) if l.single_file_view));
    let single_card = move || {
        let file = ex.files.with(|f| f.first().cloned())?;
        let target = file.clone();
        Some(view! {
            <SingleFileCard file on_preview=Callback::new(move |()| open_item(0))
                on_download=Callback::new(move |()| download(vec![target.clone()]))/>
        })
    };
    let body = move || {
        view! {
                {move || in_share.get().then(|| view! { <ShareHeader uri on_download_all=download_all show_readme/> })}
                <Show when=move || !single.get()>
                    <Toolbar perform sort=Signal::from(sort) context=Signal::derive(move || { ex.selection.track(); ex.files.track(); action_context() })/>
                </Show>
                {move || match &*listing.read() {
                    None => view! { <p class="cr-status" role="status">{i18n.text(Key::Loading)}</p> }.into_any(),
                    Some(Err(e)) if in_share.get() => view! {
                        <ShareProblem error=e.clone() uri=uri.get_untracked() on_retry=Callback::new(move |_| reload.update(|v| *v += 1))
                            to_uri=Callback::new(move |u: CrUri| url_of.run((u, Sort::default())))/>
                    }.into_any(),
                    Some(Err(e)) if e.code() == Some(Code::CheckLogin) && !session.signed_in() => ().into_any(),
                    Some(Err(e)) => view! { <ErrorView error=e.clone() on_retry=Callback::new(move |_| reload.update(|v| *v += 1))/> }.into_any(),
                    Some(Ok(_)) => ().into_any(),
                }}
                <FilePickers name="upload" on_pick=upload_here pickers/>
                <Show when=move || matches!(&*listing.read(), Some(Ok(_)))>
                    <DropZone folder_name=Signal::derive(move || { let n = uri.with(|u| u.name().to_string()); if n.is_empty() { i18n.t(Key::MyFiles).to_string() } else { n } })
                        enabled=Signal::derive(can_upload) on_drop=upload_here
                        on_unreadable=Callback::new(move |n: usize| toasts.error(i18n.tf(Key::UploadUnreadable, &[("count", &n.to_string())])))>
                    <div class="cr-explorer">
                        <Show when=move || !ex.files.with(Vec::is_empty) fallback=move || view! { <p class="cr-status cr-status--empty" on:contextmenu=move |ev| { ev.prevent_default(); menu.set(Some(MenuAt { x: f64::from(ev.client_x()), y: f64::from(ev.client_y()), on_item: false })) }>{move || i18n.t(if uri.with(CrUri::is_search) { Key::NoResults } else { Key::EmptyFolder })}</p> }>
                            <Show when=move || !single.get() fallback=single_card>
                                <FolderView sort=Signal::from(sort) on_sort=Signal::derive(move || (!sortable.with(Vec::is_empty)).then_some(on_sort)) sortable=sortable/>
                            </Show>
                        </Show>
                        {move || info.get().map(|f| view! { <InfoPanel file=f on_close=Callback::new(move |()| info.set(None))/> })}
                    </div>
                    </DropZone>
                    <p class="cr-status cr-status--count" aria-live="polite" hidden=move || single.get()>
                        {move || {
                            let n = ex.files.with(Vec::len).to_string();
                            let selected = ex.selection.with(|s| s.len());
                            let mut text = i18n.tf(Key::ItemCount, &[("count", &n)]);
                            if selected > 0 {
                                text.push_str(" · ");
                                text.push_str(&i18n.tf(Key::SelectedCount, &[("count", &selected.to_string())]));
                            }
                            text
                        }}
                        {move || pages.loading.get().then(|| format!(" · {}", i18n.t(Key::Loading)))}
                    </p>
                    {move || pages.error.get().map(|e| view! { <ErrorView error=e on_retry=Callback::new(move |_| leptos::task::spawn_local(async move { let _ = pages.load_next().await; }))/> })}
                </Show>
                {move || menu.get().map(|m| {
                    let c = action_context();
                    let actions = if m.on_item { file_actions::for_items(&c) } else { file_actions::for_folder(&c) };
                    view! { <ContextMenu x=m.x y=m.y actions on_pick=perform on_close=Callback::new(move |()| menu.set(None))/> }
                })}
                {move || in_share.get().then(|| view! { <ShareReadme show=show_readme/> })}
                <PageDialogs ops/>
                <ViewerHost/>
        }
    };
    move || {
        if embedded {
            view! { <EmbedFrame>{body()}</EmbedFrame> }.into_any()
        } else if in_share.get() && !session.signed_in() {
            view! { <ShareFrame>{body()}</ShareFrame> }.into_any()
        } else {
            view! { <Shell current=Signal::derive(move || Some(uri.get().fs)) usage_version>{body()}</Shell> }.into_any()
        }
    }
}
