using System.Reflection;
using KeHoach57.Core.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Hosting.Lifecycle;

/// <summary>
/// Which registrations make up an answering stack, and how to build one for a given corpus.
/// <para>A service is corpus-bound when one of its implementation's constructors takes the <see cref="Corpus"/>
/// or another corpus-bound service (found transitively, so a new answering component needs no listing here).
/// Those registrations move into each stack's child provider, with the corpus registered as an instance; every
/// other singleton (the search index, the analyzer, options, loggers, the conversation store) is forwarded to
/// the host's provider, so all stacks share them. A component registered through a factory that needs the
/// corpus must take it as a constructor parameter instead, or it will not be seen as corpus-bound.</para>
/// <para>In the host's own provider the corpus-bound services are replaced by transient forwarders to the
/// current stack, so <c>GetRequiredService&lt;Assistant&gt;()</c> keeps working for the CLI and tools (it waits
/// for the first load); long-lived services should take <see cref="Conversations.IAssistantSource"/> instead.</para>
/// </summary>
public sealed class AnsweringStackBlueprint
{
    private readonly IServiceCollection _host;
    private readonly IReadOnlyList<ServiceDescriptor> _bound;

    private AnsweringStackBlueprint(IServiceCollection host, HashSet<Type> boundTypes, IReadOnlyList<ServiceDescriptor> bound)
    {
        _host = host;
        BoundTypes = boundTypes;
        _bound = bound;
    }

    public IReadOnlySet<Type> BoundTypes { get; }

    /// <summary>Finds the corpus-bound registrations in <paramref name="services"/> and puts forwarders in their place.</summary>
    public static AnsweringStackBlueprint Capture(IServiceCollection services)
    {
        var bound = new HashSet<Type> { typeof(Corpus) };
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var d in services)
            {
                if (d.IsKeyedService || bound.Contains(d.ServiceType) || d.ImplementationType is not { IsGenericTypeDefinition: false } type) continue;
                if (!type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).Any(c => c.GetParameters().Any(p => DependsOn(p.ParameterType, bound))))
                    continue;
                bound.Add(d.ServiceType);
                changed = true;
            }
        }

        var moved = services.Where(d => !d.IsKeyedService && bound.Contains(d.ServiceType) && d.ServiceType != typeof(Corpus)).ToList();
        foreach (var type in bound)
        {
            var count = services.Count(d => !d.IsKeyedService && d.ServiceType == type);
            for (var i = services.Count - 1; i >= 0; i--)
                if (!services[i].IsKeyedService && services[i].ServiceType == type) services.RemoveAt(i);
            for (var i = 0; i < Math.Max(1, count); i++)
            {
                var at = i;
                services.Add(ServiceDescriptor.Transient(type, sp =>
                    sp.GetRequiredService<AssistantHolder>().StackOrWait().Services.GetServices(type).ElementAt(at)!));
            }
        }
        return new AnsweringStackBlueprint(services, bound, moved);
    }

    /// <summary>A new stack on <paramref name="corpus"/>: its components are built when first asked for.</summary>
    public ServiceProvider Build(Corpus corpus, IServiceProvider host)
    {
        IServiceCollection child = new ServiceCollection();
        foreach (var d in _bound) child.Add(d);
        child.AddSingleton(corpus);
        var positions = new Dictionary<Type, int>();
        foreach (var d in _host)
        {
            if (BoundTypes.Contains(d.ServiceType)) continue;
            if (d.IsKeyedService || d.ServiceType.IsGenericTypeDefinition || d.Lifetime != ServiceLifetime.Singleton)
            {
                child.Add(d);
                continue;
            }
            var type = d.ServiceType;
            var at = positions.GetValueOrDefault(type);
            positions[type] = at + 1;
            child.Add(ServiceDescriptor.Singleton(type, _ => host.GetServices(type).ElementAt(at)!));
        }
        return child.BuildServiceProvider();
    }

    private static bool DependsOn(Type parameter, HashSet<Type> bound) =>
        bound.Contains(parameter) ||
        (parameter.IsGenericType && parameter.GetGenericTypeDefinition() == typeof(IEnumerable<>) && bound.Contains(parameter.GetGenericArguments()[0])) ||
        (Nullable.GetUnderlyingType(parameter) is { } inner && bound.Contains(inner));
}
