//! Showing a reminder as a desktop notification (notify-rust, the freedesktop D-Bus protocol on
//! Linux) and acting on a click: "Open" shows the window on the view the reminder is about,
//! "Tomorrow" snoozes reminders for a day.

use std::sync::Arc;

use afterword_core::rhythm::{Lang, PlannedReminder, ReminderKind};
use afterword_core::time::MS_PER_DAY;
use afterword_core::{Clock, Store};
use notify_rust::{Notification, Timeout};
use tauri::{AppHandle, Manager, Runtime};

use crate::state::AppState;
use crate::window::{open_view, View};

const OPEN: &str = "default";
const SNOOZE: &str = "snooze_day";

/// The view a reminder is about.
pub fn view_for(kind: ReminderKind) -> View {
    match kind {
        ReminderKind::FollowUp | ReminderKind::WeeklyReview => View::Inquiries,
        ReminderKind::Idea | ReminderKind::Rhythm => View::Plan,
    }
}

fn labels(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => ("Open", "Tomorrow"),
        Lang::Nl => ("Openen", "Morgen"),
    }
}

/// What a click needs: the app (to show the window) and the store (to snooze).
pub struct ClickContext<R: Runtime> {
    pub app: AppHandle<R>,
    pub store: Arc<Store>,
    pub clock: Arc<dyn Clock>,
}

/// Shows `reminder`; a thread waits for the click. False when no notification server took it.
pub fn show<R: Runtime>(reminder: &PlannedReminder, lang: Lang, ctx: ClickContext<R>) -> bool {
    let (open, snooze) = labels(lang);
    let shown = Notification::new()
        .appname("Afterword")
        .summary(reminder.text.title(lang))
        .body(&reminder.text.render(lang))
        .action(OPEN, open)
        .action(SNOOZE, snooze)
        .timeout(Timeout::Default)
        .show();
    let handle = match shown {
        Ok(handle) => handle,
        Err(e) => {
            eprintln!("afterword: could not show a notification: {e}");
            return false;
        }
    };
    let view = view_for(reminder.kind);
    let spawned = std::thread::Builder::new()
        .name("reminder-click".into())
        .spawn(move || {
            handle.wait_for_action(|action| match action {
                OPEN => open_view(&ctx.app, view, None),
                SNOOZE => {
                    let until = ctx.clock.now_ms() + MS_PER_DAY;
                    match ctx.store.snooze_reminders(until) {
                        Ok(_) => {
                            if let Some(state) = ctx.app.try_state::<AppState>() {
                                state.reminders_changed();
                            }
                        }
                        Err(e) => eprintln!("afterword: could not snooze: {e}"),
                    }
                }
                _ => {}
            });
        });
    if let Err(e) = spawned {
        eprintln!("afterword: notification clicks will not work: {e}");
    }
    true
}
