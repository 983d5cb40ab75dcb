import { useTranslation } from 'react-i18next';

/** The zoom of a page looked at large: 1× up to `max`, by quarter steps. */
export function ZoomSlider(props: {
  value: number;
  max: number;
  onChange: (zoom: number) => void;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <label {...(props.className ? { className: props.className } : {})}>
      {t('desk.zoom')}{' '}
      <input
        type="range"
        min={1}
        max={props.max}
        step={0.25}
        value={props.value}
        onChange={(event) => props.onChange(Number(event.currentTarget.value))}
      />
    </label>
  );
}
