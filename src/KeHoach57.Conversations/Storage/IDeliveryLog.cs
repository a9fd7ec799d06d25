namespace KeHoach57.Conversations.Storage;

/// <summary>
/// The delivery ids a channel has taken in (Telegram update_id, Zalo msg_id), so a platform's redelivery of an
/// event is answered once. In memory for one server (<see cref="Channels.RecentDeliveries"/>); in PostgreSQL when
/// replicas share the database, so an event retried to the other replica is still a duplicate there.
/// </summary>
public interface IDeliveryLog
{
    /// <summary>True the first time <paramref name="deliveryId"/> is seen within <paramref name="window"/>; false for a duplicate.</summary>
    ValueTask<bool> TryMarkNewAsync(string deliveryId, TimeSpan window, CancellationToken cancellationToken = default);

    /// <summary>Forgets an id whose event could not be taken in, so the platform's retry is not mistaken for a duplicate.</summary>
    ValueTask ForgetAsync(string deliveryId, CancellationToken cancellationToken = default);
}
