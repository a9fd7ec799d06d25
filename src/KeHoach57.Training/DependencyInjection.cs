using KeHoach57.Training.Quizzes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KeHoach57.Training;

/// <summary>Wires the trainers' tools in one place: the fact sources in their order, the quiz bank, the "why" view, plan summaries.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddTraining(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<FactContext>();
        // Read (and checked) here, so a bad row of facts.tsv stops the start instead of the first quiz.
        services.TryAddSingleton(FactCues.Default);
        // The order facts are read in is the order items are numbered and listed in.
        services.TryAddEnumerable(
        [
            ServiceDescriptor.Singleton<IFactSource, DeadlineFacts>(),
            ServiceDescriptor.Singleton<IFactSource, LeadUnitFacts>(),
            ServiceDescriptor.Singleton<IFactSource, TargetFacts>(),
        ]);
        services.TryAddSingleton<QuizBuilder>();
        services.TryAddSingleton<QuizBank>();
        services.TryAddSingleton<QuizBankSource>();
        services.TryAddSingleton<Summaries.PlanSummary>();
        services.AddOptions<Phrasing.PhrasingOptions>().Bind(configuration.GetSection(Phrasing.PhrasingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        // The chat client is the assistant's optional model (section "Llm"); without one, phrasing stays off.
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<Phrasing.GroundedPhrasing>(sp,
            sp.GetService<Microsoft.Extensions.AI.IChatClient>() is { } chat ? [chat] : []));
        return services;
    }
}
