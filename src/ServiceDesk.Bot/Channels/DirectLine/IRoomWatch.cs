namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>
/// A stream of this process following a room (see <see cref="IDirectLineStore.Watch"/>): disposing it ends the watch.
/// </summary>
public interface IRoomWatch : IDisposable
{
    /// <summary>
    /// The stream has sent the room's activities up to <paramref name="sequence"/>: once every stream of the room has,
    /// the store need not keep them in memory any longer.
    /// </summary>
    void Delivered(long sequence);
}
