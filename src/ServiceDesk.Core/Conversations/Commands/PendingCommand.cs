namespace ServiceDesk.Core.Conversations.Commands;

/// <summary>
/// A command waiting for its text (a button "Resolve" asks for the solution): the next message completes it.
/// Kept in the conversation state so it survives a restart.
/// </summary>
public static class PendingCommand
{
    public const string DialogName = "pending-command";

    public static void Await(ConversationState state, string commandPrefix)
    {
        state.Dialog = DialogName;
        state.Step = commandPrefix;
        state.Data = "{}";
    }

    public static string? Take(ConversationState state)
    {
        if (state.Dialog != DialogName) return null;
        var prefix = state.Step;
        Clear(state);
        return prefix;
    }

    public static void Clear(ConversationState state)
    {
        state.Dialog = null;
        state.Step = null;
        state.Data = "{}";
    }
}
