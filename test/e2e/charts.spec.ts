import { expect, test } from './support/fixtures';
import { RoiPage } from './pages/RoiPage';

test('big figures keep their separators and fit their field; the tornado says when NPV never reaches $0', async ({
  page,
  host,
}) => {
  const roi = new RoiPage(page);
  await roi.open(host.url);
  await expect(roi.tornadoZoomNote).toHaveCount(0);
  const start = await roi.input('eng-hours').inputValue();

  await roi.type('eng-hours', '1000000');
  await roi.leaveField('investment');
  await expect(roi.input('eng-hours')).toHaveValue('1,000,000');
  expect(await roi.fieldShowsAll('eng-hours')).toBe(true);

  // A million engineering hours put NPV far below zero at every bar end: the axis is
  // zoomed to the bars, and says that it never reaches $0.
  await expect(roi.tornadoZoomNote).toContainText('below 0');
  await expect(roi.tornadoFigures).toContainText('-$');

  // Separators may be typed too; back at the start, NPV crosses $0 and the axis shows it.
  await roi.type('eng-hours', '15,000');
  await roi.leaveField('investment');
  await expect(roi.input('eng-hours')).toHaveValue('15,000');
  await roi.type('eng-hours', start);
  await expect(roi.tornadoZoomNote).toHaveCount(0);
});
