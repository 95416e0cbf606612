/*
 * Copyright 2026 The SageMaker Studio Portal Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';

/** "Previous page" / "Next page" for a list the backend pages by cursor. */
export function CursorPager(props: {
  /** The paging state, as `useCursorPages` gives it. */
  pages: {
    pageNumber: number;
    hasPrevious: boolean;
    hasNext: boolean;
    previous: () => void;
    next: () => void;
  };
  disabled?: boolean;
}) {
  const { pages } = props;
  if (!pages.hasPrevious && !pages.hasNext) {
    return null;
  }
  return (
    <Box
      display="flex"
      alignItems="center"
      justifyContent="flex-end"
      mt={2}
      component="nav"
      aria-label="Pages"
    >
      <Button
        disabled={props.disabled || !pages.hasPrevious}
        onClick={pages.previous}
      >
        Previous page
      </Button>
      <Box mx={2}>
        <Typography variant="body2">Page {pages.pageNumber}</Typography>
      </Box>
      <Button disabled={props.disabled || !pages.hasNext} onClick={pages.next}>
        Next page
      </Button>
    </Box>
  );
}
