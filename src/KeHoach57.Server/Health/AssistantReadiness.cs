namespace KeHoach57.Server.Health;

/// <summary>Whether the corpus and index are loaded, so requests before that get 503 instead of waiting or failing.</summary>
public sealed class AssistantReadiness
{
    public enum State { Starting, Ready, Failed }

    private volatile Snapshot _current = new(State.Starting, 0, 0);

    public sealed record Snapshot(State State, int Documents, int Chunks);

    public Snapshot Current => _current;

    public bool IsReady => _current.State == State.Ready;

    public void MarkReady(int documents, int chunks) => _current = new(State.Ready, documents, chunks);

    /// <summary>The reason goes to the log only: /health is public and exception text can name paths.</summary>
    public void MarkFailed() => _current = new(State.Failed, 0, 0);
}
