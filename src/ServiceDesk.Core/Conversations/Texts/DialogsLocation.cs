using ServiceDesk.Core.Configuration;

namespace ServiceDesk.Core.Conversations.Texts;

/// <summary>
/// Finds dialogs/: the configured folder, else <c>./dialogs</c> in the working directory (so an administrator's edit
/// applies on restart without a rebuild), else the copy next to the binaries.
/// </summary>
public static class DialogsLocation
{
    public static string Resolve(ServiceDeskOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.DialogsDirectory))
        {
            var configured = Path.GetFullPath(options.DialogsDirectory);
            return Directory.Exists(configured)
                ? configured
                : throw new DialogContentException([$"ServiceDesk:DialogsDirectory '{configured}' does not exist"]);
        }
        foreach (var candidate in new[] { Path.Combine(Directory.GetCurrentDirectory(), "dialogs"), Path.Combine(AppContext.BaseDirectory, "dialogs") })
            if (File.Exists(Path.Combine(candidate, "texts", "en.yaml"))) return candidate;
        throw new DialogContentException([$"no dialogs/ folder found in {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}; set ServiceDesk:DialogsDirectory"]);
    }
}
