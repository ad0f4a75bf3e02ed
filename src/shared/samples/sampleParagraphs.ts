import type { ParagraphInput } from '../domain/dataset';

/**
 * The sample dataset offered on first run: short paragraphs from several domains, each with a
 * reference summary, written for this app so an analyst can try every step offline.
 */
export const SAMPLE_DATASET_NAME = 'Sample: mixed-domain summaries';

export const SAMPLE_PARAGRAPHS: ParagraphInput[] = [
  {
    text: 'Harbor Freight Lines reported that average dwell time for containers at its inland depot fell from 4.1 days to 2.7 days after it began publishing pickup slots a week in advance. Trucking partners said the schedule let them plan driver shifts, and the depot reduced overtime by a fifth. The company plans to extend the system to its two coastal terminals next spring.',
    reference:
      "Publishing pickup slots a week ahead cut container dwell time at Harbor Freight's inland depot from 4.1 to 2.7 days and reduced overtime; coastal terminals follow next spring.",
    tags: ['logistics'],
  },
  {
    text: 'A twelve-week trial at three community clinics tested text-message reminders for patients taking blood pressure medication. Adherence, measured by pharmacy refills, rose from 61 percent in the control group to 74 percent among patients who received reminders. The researchers noted that the effect faded in the final month and recommended varying the wording of the messages.',
    reference:
      'Text reminders raised blood-pressure medication adherence from 61% to 74% in a 12-week clinic trial, though the effect faded by the last month.',
    tags: ['health'],
  },
  {
    text: 'The city council approved a budget that shifts 8 million dollars from road resurfacing to bus service over two years. Supporters argued that more frequent buses would reduce traffic on the main corridors, while opponents said potholes were already a safety problem. The plan adds weekend service on four routes and raises weekday frequency to every ten minutes on the busiest line.',
    reference:
      'The council moved $8 million from road repairs to buses, adding weekend service on four routes and ten-minute weekday frequency on the busiest line despite safety objections.',
    tags: ['policy', 'transport'],
  },
  {
    text: 'Our customer support team analysed 2,300 tickets from the last quarter and found that 38 percent concerned password resets. After adding a self-service reset link to the login page, ticket volume dropped by 900 in the first month. The team now wants to add the same link to the mobile app, where most of the remaining reset requests originate.',
    reference:
      'A self-service password reset link cut support tickets by 900 in a month; resets were 38% of 2,300 tickets, and the link will be added to the mobile app next.',
    tags: ['support'],
  },
  {
    text: 'Engineers at a regional utility replaced the control software of a 40-megawatt battery so that it charges when wholesale prices are lowest and discharges during the evening peak. Over the summer, the battery earned 22 percent more than under its fixed schedule. The utility cautioned that the gains depend on price swings, which were unusually large this year.',
    reference:
      "New control software that trades on wholesale prices raised a 40 MW battery's summer earnings by 22%, though the gain depends on this year's large price swings.",
    tags: ['energy'],
  },
  {
    text: 'A mid-sized retailer moved its product search from keyword matching to a model that understands synonyms and misspellings. Searches that returned no results fell from 9 percent to 3 percent, and the share of sessions ending in a purchase rose slightly. The team kept the old engine running in parallel for a month to compare results before switching it off.',
    reference:
      'Switching product search to a synonym-aware model cut zero-result searches from 9% to 3% and slightly raised conversions, after a month of running both engines side by side.',
    tags: ['retail', 'tech'],
  },
  {
    text: 'The appeals court ruled that a software license which forbids reverse engineering cannot be enforced against a buyer who only studied the program to make it work with other products. The judges said the interoperability exception in the statute outweighs contract terms. The decision overturns a lower court ruling and sends the damages question back for a new trial.',
    reference:
      'An appeals court held that an anti-reverse-engineering license clause cannot be enforced against interoperability work, overturning the lower court and ordering a new trial on damages.',
    tags: ['legal'],
  },
  {
    text: 'Researchers measured soil moisture across 150 farms that adopted cover crops and compared them with neighbouring farms that did not. During the dry July, fields with cover crops held about 15 percent more water in the top 30 centimetres. Yields differed little in a normal year, but in the drought year the cover-crop farms harvested 8 percent more maize.',
    reference:
      'Across 150 farms, cover crops kept about 15% more soil moisture in a dry July and gave 8% more maize in the drought year, with little difference in normal years.',
    tags: ['agriculture', 'science'],
  },
];
