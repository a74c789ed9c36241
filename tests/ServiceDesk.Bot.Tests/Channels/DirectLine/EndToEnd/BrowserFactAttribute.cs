namespace ServiceDesk.Bot.Tests.Channels.DirectLine.EndToEnd;

/// <summary>A fact that needs Debian's chromium and tests/e2e/node_modules; skipped, saying why, only when they are absent.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (E2eEnvironment.MissingPrerequisite() is { } missing)
            Skip = missing + " — run tests/e2e/setup.sh to install it";
    }
}
