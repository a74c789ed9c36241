namespace ServiceDesk.Core.Conversations;

/// <summary>A button: its label, and the value sent back when pressed (a command such as <c>claim SD-12</c>, or a dialog answer).</summary>
public sealed record MessageButton(string Label, string Value);
