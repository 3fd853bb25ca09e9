// gan-notes-worker PIPE RUNNER-PID: runs one notebook's cells for the runner that started it.
// Exit at once when the runner is done, even if a cell left a foreground thread running.
Environment.Exit(await GanNotes.Notebooks.WorkerHost.RunAsync(args).ConfigureAwait(false));
