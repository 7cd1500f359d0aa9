const MAX_BYTES = 5 * 1024 * 1024;

/** The chosen ID photo as the base64 the API takes, or why it cannot be used. */
export function readPhoto(file: File): Promise<string> {
  if (file.type !== 'image/jpeg' && file.type !== 'image/png')
    return Promise.reject(new Error(`${file.name} is not a JPEG or PNG photo.`));
  if (file.size > MAX_BYTES)
    return Promise.reject(new Error(`${file.name} is over 5 MB; use a smaller photo.`));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      typeof reader.result === 'string'
        ? resolve(reader.result.replace(/^data:[^,]*,/, ''))
        : reject(new Error(`${file.name} could not be read.`));
    reader.onerror = () => reject(new Error(`${file.name} could not be read.`));
    reader.readAsDataURL(file);
  });
}
