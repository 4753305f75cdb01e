//! The window's commands, one thin module per domain: parse, call one core function, map the
//! error. Every command here is listed in build.rs (the ACL) and capabilities/default.json.

pub mod app;
pub mod audience;
pub mod backups;
pub mod candidates;
pub mod channels;
pub mod contacts;
pub mod desktop;
pub mod ideas;
pub mod imports;
pub mod inquiries;
pub mod insights;
pub mod posts;
pub mod reminders;
pub mod rhythm;
pub mod startup;

/// Registers every command with a builder of any runtime (the real one or the test mock).
#[macro_export]
macro_rules! all_commands {
    () => {
        tauri::generate_handler![
            $crate::commands::app::app_info,
            $crate::commands::app::set_language,
            $crate::commands::app::start_demo,
            $crate::commands::app::leave_demo,
            $crate::commands::app::open_link,
            $crate::commands::channels::list_channels,
            $crate::commands::channels::add_channel,
            $crate::commands::channels::rename_channel,
            $crate::commands::channels::set_channel_archived,
            $crate::commands::posts::list_posts,
            $crate::commands::posts::list_posts_page,
            $crate::commands::posts::post_headlines,
            $crate::commands::posts::get_post,
            $crate::commands::posts::create_post,
            $crate::commands::posts::update_post,
            $crate::commands::posts::delete_post,
            $crate::commands::posts::restore_post,
            $crate::commands::posts::candidate_posts,
            $crate::commands::inquiries::list_inquiries,
            $crate::commands::inquiries::get_inquiry,
            $crate::commands::inquiries::create_inquiry,
            $crate::commands::inquiries::update_inquiry,
            $crate::commands::inquiries::delete_inquiry,
            $crate::commands::inquiries::restore_inquiry,
            $crate::commands::rhythm::rhythm_overview,
            $crate::commands::rhythm::set_rhythm_target,
            $crate::commands::rhythm::calendar,
            $crate::commands::rhythm::export_plan_ics,
            $crate::commands::ideas::list_ideas,
            $crate::commands::ideas::create_idea,
            $crate::commands::ideas::update_idea,
            $crate::commands::ideas::delete_idea,
            $crate::commands::ideas::restore_idea,
            $crate::commands::ideas::convert_idea,
            $crate::commands::reminders::get_reminder_prefs,
            $crate::commands::reminders::set_reminder_prefs,
            $crate::commands::reminders::snooze_reminders,
            $crate::commands::reminders::pause_reminders,
            $crate::commands::reminders::next_reminder,
            $crate::commands::desktop::get_window_prefs,
            $crate::commands::desktop::set_window_prefs,
            $crate::commands::desktop::subscribe_navigation,
            $crate::commands::inquiries::mark_followed_up,
            $crate::commands::imports::import_preview,
            $crate::commands::imports::import_apply,
            $crate::commands::imports::import_template,
            $crate::commands::candidates::list_candidates,
            $crate::commands::candidates::dismiss_candidate,
            $crate::commands::candidates::accept_candidate,
            $crate::commands::insights::insights_report,
            $crate::commands::insights::post_credits,
            $crate::commands::insights::get_insight_settings,
            $crate::commands::insights::set_insight_settings,
            $crate::commands::backups::backup_overview,
            $crate::commands::backups::back_up_now,
            $crate::commands::backups::check_backup,
            $crate::commands::backups::restore_backup,
            $crate::commands::backups::export_json,
            $crate::commands::backups::export_csv,
            $crate::commands::backups::pick_file,
            $crate::commands::backups::pick_folder,
            $crate::commands::backups::pick_save_path,
            $crate::commands::audience::audience_overview,
            $crate::commands::audience::audience_posts,
            $crate::commands::audience::add_audience_snapshot,
            $crate::commands::audience::delete_audience_snapshot,
            $crate::commands::audience::restore_audience_snapshot,
            $crate::commands::audience::set_post_metrics,
            $crate::commands::audience::post_numbers,
            $crate::commands::contacts::list_contacts,
            $crate::commands::contacts::create_contact,
            $crate::commands::contacts::update_contact,
            $crate::commands::contacts::set_how_known,
            $crate::commands::contacts::delete_contact,
            $crate::commands::contacts::restore_contact,
            $crate::commands::contacts::add_touch,
            $crate::commands::contacts::delete_touch,
            $crate::commands::startup::startup_mark,
            $crate::commands::audience::audience_headline,
            $crate::commands::audience::audience_sizes,
            $crate::commands::audience::update_audience_snapshot,
        ]
    };
}
