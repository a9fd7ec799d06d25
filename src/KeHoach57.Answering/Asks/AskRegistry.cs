using KeHoach57.Core.Answers;

namespace KeHoach57.Answering.Asks;

/// <summary>The ask handlers in their order (one per kind); the pipeline asks the one for each kind a question asks.</summary>
public sealed class AskRegistry
{
    private readonly Dictionary<AskKind, IAskHandler> _handlers;

    public AskRegistry(IEnumerable<IAskHandler> handlers)
    {
        _handlers = [];
        foreach (var h in handlers)
            if (!_handlers.TryAdd(h.Kind, h))
                throw new InvalidOperationException($"Two ask handlers for {h.Kind}: {_handlers[h.Kind].GetType().Name} and {h.GetType().Name}");
        var missing = Enum.GetValues<AskKind>().Where(k => !_handlers.ContainsKey(k)).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"No ask handler for {string.Join(", ", missing)}");
    }

    public IAskHandler For(AskKind kind) => _handlers[kind];
}
