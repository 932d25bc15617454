/**
 * The one Handlebars layout the references render every plan with: the
 * straightforward unified pipeline (`unified.ts`) and Eleventy (`peers.ts`).
 * It shows what a plan page holds (owner, vision, priorities, skills,
 * education, goals with their steps, opportunities) around the rendered
 * body, without careerplan's timeline, models or checks. Pure data.
 */

/** What every page the layout renders contains, so a run can be checked for whole pages. */
export const layoutMarker = 'data-bench-layout="plan"';

/** The layout's source; `{{{content}}}` is the body rendered to HTML. */
export const layoutSource = `<!doctype html>
<html lang="{{#if lang}}{{lang}}{{else}}en{{/if}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} · {{owner}}</title>
</head>
<body>
<main ${layoutMarker}>
<header>
<h1>{{title}}</h1>
<p>{{owner}}{{#if role}}, {{role}}{{/if}} · created {{created}}{{#if reviewed}}, reviewed {{reviewed}}{{/if}}{{#if horizon}} · horizon {{horizon}}{{/if}}</p>
{{#if vision}}<p class="vision">{{vision}}</p>{{/if}}
</header>
{{#if priorities}}<section><h2>Priorities</h2><ol>{{#each priorities}}<li>{{this}}</li>{{/each}}</ol></section>{{/if}}
<section><h2>Strengths and weaknesses</h2>
<ul>{{#each strengths}}<li>{{this}}</li>{{/each}}</ul>
<ul>{{#each weaknesses}}<li>{{this}}</li>{{/each}}</ul>
</section>
{{#if skills}}<section><h2>Skills</h2>
<table><thead><tr><th>Skill</th><th>Kind</th><th>Level</th><th>Target</th><th>Note</th></tr></thead><tbody>
{{#each skills}}<tr><td>{{name}}</td><td>{{kind}}</td><td>{{level}}</td><td>{{target}}</td><td>{{note}}</td></tr>
{{/each}}</tbody></table></section>{{/if}}
{{#with education}}<section><h2>Education</h2><p>{{current}}{{#if needed}} → {{needed}}{{/if}}</p>{{#if note}}<p>{{note}}</p>{{/if}}</section>{{/with}}
{{#if goals}}<section><h2>Goals</h2>
{{#each goals}}<article id="{{id}}"><h3>{{title}}</h3>
<p>{{kind}} · {{measure}} · {{start}} → {{due}}{{#if status}} · {{status}}{{/if}}{{#if done}} · done {{done}}{{/if}}</p>
{{#if skills}}<p>Skills: {{#each skills}}{{this}}{{#unless @last}}, {{/unless}}{{/each}}</p>{{/if}}
<ol>{{#each steps}}<li>{{#if title}}{{title}}{{#if due}} (due {{due}}){{/if}}{{#if resources}}<ul>{{#each resources}}<li>{{this}}</li>{{/each}}</ul>{{/if}}{{#if reflection}}<p>{{reflection}}</p>{{/if}}{{else}}{{this}}{{/if}}</li>{{/each}}</ol>
</article>
{{/each}}</section>{{/if}}
{{#if opportunities}}<section><h2>Opportunities</h2><ul>
{{#each opportunities}}<li>{{title}}{{#if date}} · {{date}}{{/if}}{{#if status}} · {{status}}{{/if}}{{#if note}} — {{note}}{{/if}}</li>
{{/each}}</ul></section>{{/if}}
<article class="body">
{{{content}}}
</article>
</main>
</body>
</html>
`;
