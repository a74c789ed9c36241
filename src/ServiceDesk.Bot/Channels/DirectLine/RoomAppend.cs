namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>
/// One activity to append to a room: <see cref="Build"/> gets its sequence and the id of the room's latest user
/// activity before it, and returns its JSON.
/// </summary>
public sealed record RoomAppend(string Room, bool FromUser, Func<long, string?, string> Build);
